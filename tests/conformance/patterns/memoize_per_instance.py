# Per-instance memoisation in a WeakKeyDictionary: results vanish with their instances.
import weakref


class Expensive:
    def __init__(self, n):
        self.n = n


_memo = weakref.WeakKeyDictionary()
calls = []


def area(obj):
    cache = _memo.setdefault(obj, {})
    if "area" not in cache:
        calls.append(obj.n)
        cache["area"] = obj.n * obj.n
    return cache["area"]


a, b = Expensive(3), Expensive(4)
print(area(a), area(a), area(b), area(b))
print("computed only once each:", calls)
print("memo entries:", len(_memo))
del a
print("after a dies:", len(_memo))
b.n = 5
print("stale until invalidated:", area(b))
del _memo[b]
print("recomputed:", area(b), calls)
