# weakref.ref returns the object while it lives and None afterwards; it adds no reference.
import sys
import weakref


class Obj:
    pass


o = Obj()
before = sys.getrefcount(o)
r = weakref.ref(o)
print("refcount unchanged:", sys.getrefcount(o) == before)
print("call returns the object:", r() is o)
print("type:", type(r).__name__, type(r) is weakref.ReferenceType)
print("callback attribute:", r.__callback__)
del o
print("after del:", r())
print("temporary referent is dead at once:", weakref.ref(Obj())() is None)
