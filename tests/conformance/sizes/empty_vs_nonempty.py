# Empty vs one-element sizes for each builtin container type.
import sys

pairs = [
    ("list", [], [1]), ("tuple", (), (1,)), ("dict", {}, {1: 1}), ("str-key dict", {}, {"a": 1}),
    ("set", set(), {1}), ("frozenset", frozenset(), frozenset([1])), ("str", "", "a"),
    ("bytes", b"", b"a"), ("bytearray", bytearray(), bytearray(b"a")),
]
for name, empty, one in pairs:
    print(name.ljust(13), sys.getsizeof(empty), sys.getsizeof(one), sys.getsizeof(one) - sys.getsizeof(empty))
