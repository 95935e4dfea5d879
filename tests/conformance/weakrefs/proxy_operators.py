# Proxies forward operators, item access, iteration, containment and __class__.
import weakref


class Vec(list):
    def __add__(self, other):
        return Vec([a + b for a, b in zip(self, other)])


v = Vec([1, 2, 3])
p = weakref.proxy(v)
print("getitem:", p[1], "len:", len(p), "in:", 2 in p)
print("iteration:", [x * 10 for x in p])
print("add:", p + Vec([1, 1, 1]))
p[0] = 100
print("setitem writes through:", v)
print("comparisons:", p == [100, 2, 3], p < [101], p != v)
print("str:", str(p))
print("__class__ forwarded:", p.__class__.__name__, isinstance(p, Vec))
print("type is the proxy type:", type(p).__name__)
p.append(4)
print("method call:", v)
del v
try:
    p[0]
except ReferenceError as e:
    print("ReferenceError:", e)
