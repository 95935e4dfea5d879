# gc.is_tracked for atomic values, containers, instances and empty/non-empty dicts.
import gc


class Plain:
    pass


class Slotted:
    __slots__ = ()


def f():
    pass


samples = [
    ("int", 42), ("big int", 10 ** 40), ("float", 1.5), ("str", "text"),
    ("bytes", b"raw"), ("None", None), ("True", True), ("bytearray", bytearray(3)),
    ("object()", object()), ("range", range(3)), ("empty tuple", ()),
    ("empty list", []), ("list of ints", [1, 2]), ("empty set", set()),
    ("frozenset", frozenset()), ("empty dict", {}), ("dict of ints", {1: 2}),
    ("dict with str", {"a": "b"}), ("dict with a list value", {"a": []}),
    ("function", f), ("class", Plain), ("instance", Plain()),
    ("slots=() instance", Slotted()), ("builtin type int", int),
    ("module gc", gc), ("bound method", Plain().__init__),
]
for name, obj in samples:
    print(name.ljust(24), gc.is_tracked(obj))
