# WeakKeyDictionary pop/setdefault/update/items/copy.
import weakref


class K:
    def __init__(self, name):
        self.name = name


a, b, c = K("a"), K("b"), K("c")
d = weakref.WeakKeyDictionary()
d.update({a: 1, b: 2})
print("setdefault new:", d.setdefault(c, 3), "existing:", d.setdefault(a, 99))
print("items:", sorted((k.name, v) for k, v in d.items()))
print("pop:", d.pop(b), "pop default:", d.pop(b, "gone"))
e = d.copy()
print("copy:", type(e).__name__, sorted(k.name for k in e))
del c
print("both copies lose c:", sorted(k.name for k in d), sorted(k.name for k in e))
try:
    d.get(1)
except TypeError as err:
    print("get with a non-weakrefable key:", err)
del a
print("empty:", len(d), len(e), bool(d))
