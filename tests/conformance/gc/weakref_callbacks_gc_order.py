# Under gc, callbacks of several weakrefs to one object run newest first, before __del__.
import gc
import weakref

gc.disable()
gc.collect()


class Obj:
    def __del__(self):
        print("__del__")


def make_cb(name):
    def cb(r):
        print("callback", name)
    return cb


o = Obj()
o.me = o
r1 = weakref.ref(o, make_cb("r1"))
r2 = weakref.ref(o, make_cb("r2"))
r3 = weakref.ref(o, make_cb("r3"))
del o
print("collected:", gc.collect())
a, b = Obj(), Obj()
a.p, b.p = b, a
ra = weakref.ref(a, make_cb("a"))
rb = weakref.ref(b, make_cb("b"))
del a, b
print("collected:", gc.collect())
