# get_traced_memory: growth across an allocation covers its requested size (plus tiny bookkeeping).
import gc
import tracemalloc

gc.disable()
gc.collect()
N = 100000


def current():
    return tracemalloc.get_traced_memory()[0]


def measure(make, exact):
    current()
    base = current()
    obj = make()
    end = current()
    diff = end - base
    return exact <= diff < exact + 200


tracemalloc.start()
results = [
    ("bytearray(N): object 56 + buffer N+1", measure(lambda: bytearray(N), 56 + N + 1)),
    ("[None] * 1000: header 56 + 8000", measure(lambda: [None] * 1000, 56 + 8000)),
    ("'z' * N: 49 + N", measure(lambda: "z" * N, 49 + N)),
    ("list(range(2000)): ints 1743*32 + 56 + 16000", measure(lambda: list(range(2000)), 1743 * 32 + 56 + 16000)),
]
tracemalloc.stop()
for label, ok in results:
    print(label + ":", ok)
