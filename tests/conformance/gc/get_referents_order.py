# gc.get_referents lists what an object's traverse visits, in traversal order.
import gc


class K:
    pass


class S:
    __slots__ = ("b", "a")


print("list:", gc.get_referents([1, "x", None]))
print("tuple:", gc.get_referents(tuple([1, 2, 3])))
print("dict (value, key per entry):", gc.get_referents({1: "one", 2: "two"}))
print("str-keyed dict (values only):", gc.get_referents({"a": 1, "b": 2}))
k = K()
k.first = 10
k.second = "s"
print("instance:", gc.get_referents(k))
s = S()
s.b = "B"
s.a = "A"
print("slots:", gc.get_referents(s))
print("set of ints:", sorted(gc.get_referents({3, 1, 2})))
print("atomic objects:", gc.get_referents(1, "abc", 2.5))
print("several containers:", gc.get_referents([1], (2,), [3]))
print("nested:", gc.get_referents([[1], [2]]))
