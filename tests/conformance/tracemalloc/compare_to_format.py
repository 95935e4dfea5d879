# StatisticDiff text: size, signed size difference, count, signed count difference, average.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()
only_me = [tracemalloc.Filter(True, __file__)]
keep = []


def grow(n, width=1000):
    for i in range(n):
        keep.append(b"x" * width)


grow(10)
first = tracemalloc.take_snapshot().filter_traces(only_me)
grow(30)
second = tracemalloc.take_snapshot().filter_traces(only_me)
del keep[:35]
third = tracemalloc.take_snapshot().filter_traces(only_me)
tracemalloc.stop()
for label, new, old in (("growth", second, first), ("shrink", third, second)):
    for diff in new.compare_to(old, "lineno"):
        if diff.traceback[0].lineno == 14:
            print(label + ":", diff)
