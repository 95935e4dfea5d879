# Dict keys and values are references; overwriting, pop and setdefault adjust them.
import sys


class Key:
    def __hash__(self):
        return 7

    def __eq__(self, other):
        return self is other


k = Key()
v = [0]
d = {}
d[k] = v
print("key, value stored:", sys.getrefcount(k), sys.getrefcount(v))
d[k] = v
print("same pair again:", sys.getrefcount(k), sys.getrefcount(v))
w = [1]
d[k] = w
print("value replaced:", sys.getrefcount(k), sys.getrefcount(v), sys.getrefcount(w))
d2 = dict(d)
print("dict copy:", sys.getrefcount(k), sys.getrefcount(w))
got = d.pop(k)
print("popped into name:", sys.getrefcount(k), sys.getrefcount(w))
del got
d.setdefault(k, v)
print("setdefault:", sys.getrefcount(k), sys.getrefcount(v))
d.get(k)
print("get (discarded):", sys.getrefcount(v))
d.clear()
d2.clear()
print("cleared:", sys.getrefcount(k), sys.getrefcount(v), sys.getrefcount(w))
