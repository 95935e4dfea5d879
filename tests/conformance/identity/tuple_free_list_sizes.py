# Tuple free lists are per size; 20-item tuples are pushed on free but never popped (3.11 quirk).
import gc

gc.disable()
gc.collect()  # start with empty free lists


def fresh(n, v):
    return tuple([v] * n)


v = object()
results = []
for n in (1, 2, 3, 10, 19, 20, 21):
    t = fresh(n, v)
    tid = id(t)
    del t
    u = fresh(n, v)
    results.append((n, id(u) == tid))
    del u
for n, reused in results:
    print("size", n, "reuses the freed tuple:", reused)
