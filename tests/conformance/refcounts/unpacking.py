# Unpacking binds each target to an item; starred targets build a new list.
import sys


class U:
    pass


a0, a1, a2 = U(), U(), U()
seq = [a0, a1, a2]
x, y, z = seq
print("plain unpack:", sys.getrefcount(a0), sys.getrefcount(a1), sys.getrefcount(a2))
first, *rest = seq
print("starred unpack:", sys.getrefcount(a0), sys.getrefcount(a1), sys.getrefcount(a2))
print("rest is a list:", type(rest).__name__, len(rest))
del rest
print("rest dropped:", sys.getrefcount(a1))
(p, q), r = (a0, a1), a2
print("nested unpack:", sys.getrefcount(a0), sys.getrefcount(a1), sys.getrefcount(a2))
x, y = y, x
print("swap keeps counts:", sys.getrefcount(a0), sys.getrefcount(a1))
for (m, n) in [(a0, a1)]:
    pass
print("loop unpack leaves m, n bound:", sys.getrefcount(a0), sys.getrefcount(a1))
