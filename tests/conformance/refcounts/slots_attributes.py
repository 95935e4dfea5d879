# __slots__ members hold one reference each; deleting or overwriting a slot releases it.
import sys


class P:
    __slots__ = ("a", "b")


val = ["v"]
p = P()
print("empty slots:", sys.getrefcount(val))
p.a = val
print("slot a:", sys.getrefcount(val))
p.b = val
print("slots a and b:", sys.getrefcount(val))
del p.a
print("del p.a:", sys.getrefcount(val))
try:
    p.a
except AttributeError as e:
    print("AttributeError:", e)
p.b = 0
print("b overwritten:", sys.getrefcount(val))
p.a = p.b = val
del p
print("instance deleted:", sys.getrefcount(val))
