# Under gc, weakref callbacks run before __del__ and the ref is already dead inside __del__.
import gc
import weakref

gc.disable()
gc.collect()


class Obj:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name, "weakref alive inside __del__:", refs[self.name]() is not None)


refs = {}


def callback(r):
    print("callback, ref dead:", r() is None)


a = Obj("refcounted")
refs["refcounted"] = weakref.ref(a, callback)
del a
print("--- cycle")
b = Obj("cyclic")
b.me = b
refs["cyclic"] = weakref.ref(b, callback)
del b
print("collected:", gc.collect())
