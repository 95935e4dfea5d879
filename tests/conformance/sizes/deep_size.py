# A recursive "deep size" over containers, as taught in the seed documents.
import sys


def deep_size(obj, seen=None):
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(deep_size(k, seen) + deep_size(v, seen) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set, frozenset)):
        size += sum(deep_size(item, seen) for item in obj)
    return size


print("flat list:", deep_size([1, 2, 3]))
print("nested lists:", deep_size([[1, 2, 3], [4, 5, 6]]))
print("dict of list and tuple:", deep_size({"a": [1, 2], "b": (3, 4)}))
shared = [1000, 2000]
print("shared sublist counted once:", deep_size([shared, shared]))
print("strings:", deep_size(["alpha", "beta", "\u00e9t\u00e9"]))
cyc = []
cyc.append(cyc)
print("self-containing list:", deep_size(cyc))
print("empty containers:", deep_size([(), [], {}, set()]))
