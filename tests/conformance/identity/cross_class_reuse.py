# Memory freed by one class's instance is reused by any object of the same size class.
class A:
    pass


class B:
    pass


a = A()
aid = id(a)
del a
b = B()
print("B() reuses A()'s freed block:", id(b) == aid)
o = object()
oid = id(o)
del o
print("an instance does not reuse an object() block (16 vs 64 bytes):", id(A()) == oid)
x = A()
xid = id(x)
del x
print("object() does not reuse an instance block:", id(object()) == xid)


class Slot2:
    __slots__ = ("p", "q")


class Slot2b:
    __slots__ = ("r", "s")


s = Slot2()
sid = id(s)
del s
print("slotted instances of equal size share blocks:", id(Slot2b()) == sid)
