# __callback__ reports the callback; after death the ref is dead and its callback is cleared.
import weakref


class Obj:
    pass


def cb(r):
    print("in callback, __callback__ is now:", r.__callback__)


o = Obj()
r = weakref.ref(o, cb)
print("callback attribute:", r.__callback__ is cb)
del o
print("after death:", r(), r.__callback__)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(Obj(), cb, 3)
except TypeError as e:
    print("TypeError:", e)
