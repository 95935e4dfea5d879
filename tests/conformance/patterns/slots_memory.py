# Measuring the __slots__ saving with tracemalloc: 1000 points with and without a __dict__.
import gc
import tracemalloc

gc.disable()
gc.collect()


class DictPoint:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class SlotPoint:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def cost(cls):
    only = [tracemalloc.Filter(True, __file__, lineno=26)]
    before = tracemalloc.take_snapshot().filter_traces(only)
    points = [cls(1.5, 2.5) for _ in range(1000)]
    after = tracemalloc.take_snapshot().filter_traces(only)
    diff = after.compare_to(before, "lineno")[0]
    return diff.size_diff, diff.count_diff, points


tracemalloc.start()
dict_size, dict_count, keep1 = cost(DictPoint)
slot_size, slot_count, keep2 = cost(SlotPoint)
tracemalloc.stop()
print("DictPoint: bytes per object", dict_size // 1000, "allocations per object", dict_count // 1000)
print("SlotPoint: bytes per object", slot_size // 1000, "allocations per object", slot_count // 1000)
print("slots save per object:", (dict_size - slot_size) // 1000)
