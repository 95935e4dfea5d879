# Snapshot.traces holds Trace objects with domain, size and a traceback.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start(2)


def alloc(size=3000):
    return b"t" * size


obj = alloc()
snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__, lineno=11)])
tracemalloc.stop()
traces = sorted(snap.traces, key=lambda t: t.size)
print("number of traces:", len(traces))
for t in traces:
    print("domain", t.domain, "size", t.size, "frames", [f.lineno for f in t.traceback], "total_nframe", t.traceback.total_nframe)
print("snapshot traceback_limit:", snap.traceback_limit)
big = traces[-1]
print("repr:", repr(big).replace(__file__, "<file>"))
print("str:", str(big).replace(__file__, "<file>"))
print("traces repr:", repr(snap.traces))
