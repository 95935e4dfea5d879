# Allocations made inside a generator are attributed to the generator body's lines.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start(2)


def chunks(n):
    for i in range(n):
        yield b"g" * (1000 + i)


kept = []
for chunk in chunks(5):
    kept.append(chunk)
snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
tracemalloc.stop()
for st in snap.statistics("traceback"):
    frames = [f.lineno for f in st.traceback]
    if 12 in frames:
        print("frames", frames, "count", st.count, "size", st.size)
line_stats = {s.traceback[0].lineno: (s.count, s.size) for s in snap.statistics("lineno")}
print("line 12 (the yield):", line_stats.get(12))
