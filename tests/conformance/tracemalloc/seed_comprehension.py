# The seed example: per-line statistics for 100 lists of 1000 ints, filtered to this file.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()
only_me = [tracemalloc.Filter(True, __file__)]


def build():
    return [list(range(1000)) for _ in range(100)]


before = tracemalloc.take_snapshot().filter_traces(only_me)
data = build()
after = tracemalloc.take_snapshot().filter_traces(only_me)
tracemalloc.stop()
top = [s for s in after.statistics("lineno") if s.traceback[0].lineno == 12][0]
print(top)
print("size and count:", top.size, top.count)
print("breakdown: 100 * (743 ints * 32 + 56 + 8000) + outer list =", 100 * (743 * 32 + 56 + 8000))
growth = [d for d in after.compare_to(before, "lineno") if d.traceback[0].lineno == 12][0]
print(growth)
print("diff fields:", growth.size_diff, growth.count_diff)
