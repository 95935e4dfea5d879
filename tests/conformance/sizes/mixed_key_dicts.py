# A dict switches from the compact str-key table to the general table on the first non-str key.
import sys

d = {}
sizes = []
for k in ["a", "b", "c", "d", "e"]:
    d[k] = 1
    sizes.append(sys.getsizeof(d))
print("str keys:", sizes)
d[1] = 1
print("add int key to 5 str keys:", sys.getsizeof(d))
e = {"x": 1, "y": 2}
e[(1, 2)] = 3
print("tuple key into 2 str keys:", sys.getsizeof(e))
f = {1: 1}
f["s"] = 2
print("str key into an int-keyed dict:", sys.getsizeof(f))


class S(str):
    pass


g = {S("sub"): 1}
print("str subclass key uses the general table:", sys.getsizeof(g), "vs", sys.getsizeof({"sub": 1}))
