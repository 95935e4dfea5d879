# Traced pieces of containers: object struct (with GC head) plus separately allocated tables.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()


def build(n):
    d = {i: i for i in range(n)}
    s = set(range(n))
    t = tuple(range(n))
    b = b"\x00" * n
    return d, s, t, b


objs = build(10)
snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
tracemalloc.stop()
by_line = {}
for tr in snap.traces:
    by_line.setdefault(tr.traceback[0].lineno, []).append(tr.size)
print("dict comprehension (dict + key table):", sorted(by_line.get(11, [])))
print("set(range(10)) (set + table):", sorted(by_line.get(12, [])))
print("tuple(range(10)):", sorted(by_line.get(13, [])))
print("b'\\x00' * 10:", sorted(by_line.get(14, [])))
