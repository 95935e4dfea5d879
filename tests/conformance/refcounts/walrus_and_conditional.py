# Assignment expressions bind names like normal assignment; conditional expressions add none.
import sys


class W:
    pass


def make():
    return W()


if (obj := make()) is not None:
    print("walrus bound:", sys.getrefcount(obj))
picked = obj if obj else None
print("conditional expression bound:", sys.getrefcount(obj))
values = [y := obj, y]
print("walrus inside a list display:", sys.getrefcount(obj))
total = [z for x in range(3) if (z := obj)]
print("walrus in comprehension binds the outer name:", sys.getrefcount(obj), z is obj)
del picked, values, y, total, z
print("cleaned up:", sys.getrefcount(obj))
