# Instance attributes (inline values, then a materialised __dict__) each hold a reference.
import sys


class Box:
    pass


payload = ["p"]
b = Box()
b.x = payload
print("one attribute:", sys.getrefcount(payload))
b.y = payload
print("two attributes:", sys.getrefcount(payload))
setattr(b, "z", payload)
print("setattr:", sys.getrefcount(payload))
d = b.__dict__
print("dict materialised:", sys.getrefcount(payload), sys.getrefcount(d))
delattr(b, "z")
print("delattr:", sys.getrefcount(payload))
del b.x
print("del b.x:", sys.getrefcount(payload))
b.y = None
print("overwritten:", sys.getrefcount(payload))
b.x = payload
del b
print("instance deleted (dict still named):", sys.getrefcount(payload))
del d
print("dict dropped:", sys.getrefcount(payload))
