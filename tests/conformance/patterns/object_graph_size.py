# Measuring an object graph by walking gc.get_referents (skipping classes and modules).
import gc
import sys
import types


def graph_size(root):
    seen = set()
    stack = [root]
    total = 0
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, (type, types.ModuleType)):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        stack.extend(gc.get_referents(obj))
    return total, len(seen)


class Record:
    __slots__ = ("name", "tags")

    def __init__(self, name, tags):
        self.name = name
        self.tags = tags


print("empty list:", graph_size([]))
print("list of 3 floats:", graph_size([1.5, 2.5, 3.5]))
print("record:", graph_size(Record("r", ["x", "y"])))
shared = ["shared"]
print("two lists sharing one:", graph_size([shared, shared]))
print("dict of tuples:", graph_size({"a": (1.25, 2.25), "b": (3.25,)}))
