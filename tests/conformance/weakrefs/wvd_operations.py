# WeakValueDictionary copy/update/items/popitem keep the weak semantics.
import weakref


class V:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "V(%d)" % self.n


a, b, c = V(1), V(2), V(3)
d = weakref.WeakValueDictionary({"a": a})
d.update(b=b, c=c)
print("items:", sorted(d.items()))
e = d.copy()
print("copy type:", type(e).__name__, sorted(e.keys()))
del b
print("both lose b:", sorted(d.keys()), sorted(e.keys()))
print("popitem:", d.popitem())
print("left:", sorted(d.keys()))
print("dict(d):", dict(d))
try:
    d.pop("zzz")
except KeyError as e:
    print("KeyError:", e)
print("pop default:", d.pop("zzz", "default"))
