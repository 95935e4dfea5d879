# gc.get_stats per generation: collections/collected/uncollectable grow by exact amounts.
import gc

gc.disable()
gc.collect()


def snapshot():
    return [(s["collections"], s["collected"], s["uncollectable"]) for s in gc.get_stats()]


def diff(a, b):
    return [tuple(y - x for x, y in zip(p, q)) for p, q in zip(a, b)]


print("keys:", sorted(gc.get_stats()[0]))
before = snapshot()
for _ in range(3):
    L = []
    L.append(L)
    del L
    gc.collect(0)
gc.collect(1)
pair = [[], []]
pair[0].append(pair[1])
pair[1].append(pair[0])
del pair
gc.collect(2)
for g, d in enumerate(diff(before, snapshot())):
    print("generation", g, "(collections, collected, uncollectable):", d)
