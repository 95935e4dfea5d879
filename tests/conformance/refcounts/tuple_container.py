# Tuples hold one reference per slot; packing, concatenation and slicing copy references.
import sys


class T:
    pass


a = T()
b = T()
t = (a, b, a)
print("a, b after packing:", sys.getrefcount(a), sys.getrefcount(b))
u = t + (b,)
print("after concat:", sys.getrefcount(a), sys.getrefcount(b))
s = t[:2]
print("after slice:", sys.getrefcount(a), sys.getrefcount(b))
w = t[:]
print("full slice is same tuple:", w is t, sys.getrefcount(t))
v = tuple(t)
print("tuple(t) is t:", v is t, sys.getrefcount(t))
del t, w, v
print("after del t:", sys.getrefcount(a), sys.getrefcount(b))
del u
print("after del u:", sys.getrefcount(a), sys.getrefcount(b))
del s
print("after del s:", sys.getrefcount(a), sys.getrefcount(b))
nested = ((a,), (a, (a,)))
print("nested tuples:", sys.getrefcount(a))
