# Memory freed by one class's instance is reused by any object of the same size class.
import gc

gc.disable()


class A:
    pass


class B:
    pass


class Slot2:
    __slots__ = ("p", "q")


class Slot2b:
    __slots__ = ("r", "s")


a = A()
aid = id(a)
del a
b = B()
b_reuses_a = id(b) == aid
o = object()
oid = id(o)
del o
inst_reuses_object = id(A()) == oid
x = A()
xid = id(x)
del x
object_reuses_inst = id(object()) == xid
s = Slot2()
sid = id(s)
del s
slots_share = id(Slot2b()) == sid
print("B() reuses A()'s freed block:", b_reuses_a)
print("an instance reuses an object() block (64 vs 16 bytes):", inst_reuses_object)
print("object() reuses an instance block:", object_reuses_inst)
print("slotted instances of equal size share blocks:", slots_share)
