# Inside __del__ existing weakrefs still work; a ref created there is cleared after __del__, callback and all.
import weakref


class Obj:
    def __del__(self):
        print("__del__: existing ref alive:", existing() is self)
        late.append(weakref.ref(self, lambda r: print("late callback runs (newest first)")))
        print("__del__: new ref alive:", late[0]() is self)


late = []
o = Obj()
existing = weakref.ref(o, lambda r: print("existing callback runs, ref dead:", r() is None))
del o
print("after death, late ref:", late[0]())
print("end")
