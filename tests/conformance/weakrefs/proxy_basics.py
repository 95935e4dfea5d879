# weakref.proxy forwards operations to the referent and raises ReferenceError once it dies.
import weakref


class Point:
    def __init__(self, x):
        self.x = x

    def double(self):
        return self.x * 2

    def __len__(self):
        return self.x


p = Point(3)
px = weakref.proxy(p)
print("attribute:", px.x, "method:", px.double(), "len:", len(px))
px.x = 10
print("write through:", p.x)
print("type:", type(px).__name__, type(px) is weakref.ProxyType)
print("proxy is not the object:", px is not p, "but equal:", px == p)
print("reused without callback:", weakref.proxy(p) is px)
try:
    hash(px)
except TypeError as e:
    print("TypeError:", e)
del p
for action, fn in [("attribute", lambda: px.x), ("len", lambda: len(px)), ("str", lambda: str(px)), ("bool", lambda: bool(px))]:
    try:
        fn()
    except ReferenceError as e:
        print(action, "-> ReferenceError:", e)
