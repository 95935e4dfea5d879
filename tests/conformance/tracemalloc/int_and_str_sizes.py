# Traced sizes of ints and strs: ints built digit by digit request 28 bytes, computed ones 32.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()


def make(n, k):
    a = int.from_bytes(b"\x03\xe8", "big")
    b = n * k
    c = 10 ** 20 + n
    d = "x" * n
    e = "\u00e9" * n
    f = f"{n * 12345}"
    return a, b, c, d, e, f


vals = make(100, 7)
snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
tracemalloc.stop()
by_line = {}
for t in snap.traces:
    by_line.setdefault(t.traceback[0].lineno, []).append(t.size)
for line in range(11, 17):
    print("line", line, sorted(by_line.get(line, [])))
