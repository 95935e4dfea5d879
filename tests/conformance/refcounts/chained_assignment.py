# Chained assignment binds every target to the same object.
import sys


class C:
    pass


a = b = c = C()
print("three names:", sys.getrefcount(a))
print("same object:", a is b is c)
L = [None, None]
d = L[0] = L[1] = a
print("plus two slots and a name:", sys.getrefcount(a))


class Holder:
    pass


h = Holder()
h.x = h.y = a
print("plus two attributes:", sys.getrefcount(a))
del b, c, d
print("names deleted:", sys.getrefcount(a))
L[:] = []
h.x = h.y = None
print("only a left:", sys.getrefcount(a))
