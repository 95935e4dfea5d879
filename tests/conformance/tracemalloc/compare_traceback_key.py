# compare_to with key 'traceback' separates the same line reached through different callers.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start(2)


def alloc(n):
    out = [None] * n
    for i in range(n):
        out[i] = "q" * (100 + i)
    return out


def caller_a():
    return alloc(3)


def caller_b():
    return alloc(7)


base = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
kept = caller_a(), caller_b()
new = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
tracemalloc.stop()
for d in new.compare_to(base, "traceback"):
    frames = [f.lineno for f in d.traceback]
    if frames[-1] == 13:
        print("frames", frames, "count_diff", d.count_diff)
lineno = [d for d in new.compare_to(base, "lineno") if d.traceback[0].lineno == 13][0]
print("lineno key merges them: count_diff", lineno.count_diff)
cum = [d for d in new.compare_to(base, "lineno", cumulative=True) if d.traceback[0].lineno in (18, 22)]
print("cumulative caller lines:", sorted((d.traceback[0].lineno, d.count_diff) for d in cum))
