# getsizeof - __sizeof__ is the hidden pre-header: 0 (non-GC), 16 (GC) or 32 (managed dict).
import sys


class Plain:
    pass


class Slotted:
    __slots__ = ("a",)


def f():
    pass


samples = [
    ("int", 5), ("float", 1.0), ("str", "s"), ("bytes", b"b"), ("bytearray", bytearray()),
    ("object()", object()), ("range", range(3)), ("list", []), ("tuple", (1,)), ("dict", {}),
    ("set", set()), ("frozenset", frozenset()), ("function", f), ("Plain()", Plain()),
    ("Slotted()", Slotted()), ("class Plain", Plain), ("iter([])", iter([])),
]
for name, obj in samples:
    print(name.ljust(12), sys.getsizeof(obj) - type(obj).__sizeof__(obj))
