# __slots__ vs __dict__: per-object footprint including the attribute storage.
import sys


class WithDict:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class WithSlots:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


d = WithDict(1, 2)
s = WithSlots(1, 2)
print("instance only:", sys.getsizeof(d), sys.getsizeof(s))
print("has __dict__:", hasattr(d, "__dict__"), hasattr(s, "__dict__"))
print("dict of the plain instance (materialised now):", sys.getsizeof(d.__dict__))
d2 = WithDict(3, 4)
print("second instance's dict, keys shared:", sys.getsizeof(d2.__dict__))
print("with dict, total:", sys.getsizeof(d) + sys.getsizeof(d.__dict__))
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print("slot descriptors:", type(WithSlots.x).__name__, sorted(WithSlots.__slots__))
