# 3.11 quirk: get_object_traceback misses instances with a managed __dict__ (pre-header is 32 bytes).
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()


class Plain:
    pass


class Slotted:
    __slots__ = ("a",)


class ListSub(list):
    pass


objs = {"plain": Plain(), "slotted": Slotted(), "list subclass": ListSub(), "list": [], "dict": {}}
for name, obj in objs.items():
    tb = tracemalloc.get_object_traceback(obj)
    print(name.ljust(14), "found" if tb is not None else "None")
snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__, lineno=22)])
tracemalloc.stop()
print("but the allocations are traced:", sorted(t.size for t in snap.traces if t.size in (40, 56, 64, 80)))
