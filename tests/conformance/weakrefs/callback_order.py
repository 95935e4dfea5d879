# On refcount death callbacks run newest first, after __del__, each receiving its weakref.
import weakref


class Obj:
    def __del__(self):
        print("__del__ (ref still alive inside:", refs[0]() is self, ")")


def make_cb(name):
    def cb(ref):
        print("callback", name, "ref dead:", ref() is None, "is mine:", ref is by_name[name])
    return cb


o = Obj()
by_name = {}
refs = []
for name in ("A", "B", "C"):
    r = weakref.ref(o, make_cb(name))
    by_name[name] = r
    refs.append(r)
del r
print("deleting")
del o
print("done")
