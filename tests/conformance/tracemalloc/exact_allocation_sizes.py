# Traced sizes are the requested byte counts of each allocation (GC head included).
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()


class Plain:
    pass


class TwoAttrs:
    def __init__(self):
        self.a = 1
        self.b = 2


def make(n=100):
    return [
        object(),                    # line 22
        [],                          # line 23
        "x" * n,                     # line 24
        int.from_bytes(b"\x03\xe8", "big"),  # line 25
        b"y" * n,                    # line 26
        Plain(),                     # line 27
        TwoAttrs(),                  # line 28
        tuple(range(3)),             # line 29
    ]


objs = make()
snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
tracemalloc.stop()
for trace in sorted(snap.traces, key=lambda t: (t.traceback[0].lineno, t.size)):
    if 20 <= trace.traceback[0].lineno <= 29:
        print("line", trace.traceback[0].lineno, "size", trace.size)
