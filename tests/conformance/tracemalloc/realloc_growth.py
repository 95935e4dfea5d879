# A growing list keeps one item-array trace whose size follows the list's capacity (4, 8, 16, ...).
import gc
import tracemalloc

gc.disable()
gc.collect()
items = []
tracemalloc.start()
snaps = []
for i in range(40):
    items.append(None)
    if len(items) in (1, 4, 5, 9, 17, 25, 33, 40):
        snaps.append(tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__, lineno=11)]))
tracemalloc.stop()
for s in snaps:
    print("traces at the append line:", [t.size for t in s.traces])
