# Objects parked on a free list stay traced at their original allocation line.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()
only = [tracemalloc.Filter(True, __file__, lineno=13)]


def make():
    return [
        [n] for n in range(30)
    ]


data = make()
alive = tracemalloc.take_snapshot().filter_traces(only)
del data
dead = tracemalloc.take_snapshot().filter_traces(only)
gc.collect()
cleared = tracemalloc.take_snapshot().filter_traces(only)
tracemalloc.stop()


def summary(s):
    st = s.statistics("lineno")
    return (st[0].size, st[0].count) if st else (0, 0)


print("alive (30 headers + 30 item arrays):", summary(alive))
print("after del (headers on the free list):", summary(dead))
print("after a full collection clears free lists:", summary(cleared))
