# pymalloc hands freed blocks back last-in first-out: the newest freed address comes back first.
import gc

gc.disable()


class K:
    pass


a = object()
b = object()
ida, idb = id(a), id(b)
distinct = ida != idb
del a
del b
c = object()
d = object()
c_gets_b, d_gets_a = id(c) == idb, id(d) == ida
same_temp = id(K()) == id(K())
k1, k2, k3 = K(), K(), K()
ids = [id(k1), id(k2), id(k3)]
del k1, k2, k3
m = [K(), K(), K()]
reverse = [id(o) for o in m] == ids[::-1]
print("distinct while alive:", distinct)
print("c gets b's address:", c_gets_b, "d gets a's:", d_gets_a)
print("id(K()) == id(K()):", same_temp)
print("three instances reuse in reverse order:", reverse)
