# Finding a leak: compare snapshots around repeated work and look for steady growth by line.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()
only_me = [tracemalloc.Filter(True, __file__)]
_cache = []


def handle_request(i):
    payload = "x" * (500 + i)
    _cache.append(payload)
    scratch = [i] * 100
    return len(scratch)


snaps = []
for round_ in range(3):
    for i in range(50):
        handle_request(i)
    snaps.append(tracemalloc.take_snapshot().filter_traces(only_me))
tracemalloc.stop()
for older, newer in zip(snaps, snaps[1:]):
    top = newer.compare_to(older, "lineno")[0]
    print("top growth at line", top.traceback[0].lineno, "size_diff", top.size_diff, "count_diff", top.count_diff)
print("line 13 total:", [s.count for s in snaps[-1].statistics("lineno") if s.traceback[0].lineno == 13])
print("line 15 (scratch, freed each call) holds no item arrays:", all(s.size < 1000 for s in snaps[-1].statistics("lineno") if s.traceback[0].lineno == 15))
