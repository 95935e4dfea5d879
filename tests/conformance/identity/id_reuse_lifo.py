# pymalloc hands freed blocks back last-in first-out: the newest freed address comes back first.
a = object()
b = object()
ida, idb = id(a), id(b)
print("distinct while alive:", ida != idb)
del a
del b
c = object()
d = object()
print("c gets b's address:", id(c) == idb, "d gets a's:", id(d) == ida)


class K:
    pass


print("id(K()) == id(K()):", id(K()) == id(K()))
k1, k2, k3 = K(), K(), K()
ids = [id(k1), id(k2), id(k3)]
del k1, k2, k3
m = [K(), K(), K()]
print("three instances reuse in reverse order:", [id(o) for o in m] == ids[::-1])
