# The same object type gives different callback/__del__ orders for refcount and gc deaths.
import gc
import weakref

gc.disable()


class Obj:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(self.name, "__del__")


def watch(o):
    return weakref.ref(o, lambda r, n=o.name: print(n, "callback"))


a = Obj("refcount")
ra = watch(a)
del a
b = Obj("gc")
b.me = b
rb = watch(b)
del b
gc.collect()
c, d = Obj("pair-c"), Obj("pair-d")
c.p, d.p = d, c
rc, rd = watch(c), watch(d)
del c, d
gc.collect()
