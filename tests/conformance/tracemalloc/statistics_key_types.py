# statistics() groups by 'filename', 'lineno' or 'traceback'; cumulative adds every frame.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start(3)


def leaf(n):
    return [b"s" * (100 + k) for k in range(n)]


def branch():
    return leaf(10), leaf(20)


kept = branch()
snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
tracemalloc.stop()
line11 = [s for s in snap.statistics("lineno") if s.traceback[0].lineno == 11][0]
print("lineno line 11 count:", line11.count)
tb_stats = [s for s in snap.statistics("traceback") if s.traceback[-1].lineno == 11]
print("traceback groups ending at line 11 (oldest frame first):", sorted((s.count, [f.lineno for f in s.traceback]) for s in tb_stats))
cum = {s.traceback[0].lineno: s.count for s in snap.statistics("lineno", cumulative=True)}
print("cumulative counts for lines 11, 15, 18:", cum.get(11), cum.get(15), cum.get(18))
for bad in (("foo", False), ("traceback", True)):
    try:
        snap.statistics(*bad)
    except ValueError as e:
        print("ValueError:", e)
