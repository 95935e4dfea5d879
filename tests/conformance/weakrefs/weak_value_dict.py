# WeakValueDictionary entries disappear when their values die.
import weakref


class Val:
    def __init__(self, n):
        self.n = n


cache = weakref.WeakValueDictionary()
a, b, c = Val(1), Val(2), Val(3)
cache["a"] = a
cache["b"] = b
cache["c"] = c
print("len:", len(cache), "keys:", list(cache.keys()))
del b
print("after del b:", list(cache.keys()))
print("get missing:", cache.get("b"), "in:", "b" in cache)
try:
    cache["b"]
except KeyError as e:
    print("KeyError:", e)
print("values:", [v.n for v in cache.values()])
cache["a"] = c
print("a rebound to c, old a still alive elsewhere:", cache["a"].n)
del c
print("c died; both entries gone:", list(cache.keys()))
try:
    cache["x"] = 5
except TypeError as e:
    print("TypeError:", e)
print("setdefault:", cache.setdefault("z", a).n, "pop:", cache.pop("z").n)
