# An object's id never changes during its life, even when its contents are reallocated.
L = []
lid = id(L)
for i in range(10000):
    L.append(i)
print("list id stable while growing:", id(L) == lid)
d = {}
did = id(d)
for i in range(5000):
    d[i] = i
print("dict id stable across resizes:", id(d) == did)
b = bytearray()
bid = id(b)
b.extend(b"x" * 100000)
print("bytearray id stable:", id(b) == bid)


class K:
    pass


k = K()
kid = id(k)
for i in range(100):
    setattr(k, "a%d" % i, i)
print("instance id stable with many attributes:", id(k) == kid)
x = y = []
z = []
print("chained assignment shares:", x is y, "separate displays differ:", x is z)
