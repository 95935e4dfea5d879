# Tuple free lists are per size; 20-item tuples are pushed on free but never popped (3.11 quirk).
def fresh(n, v):
    return tuple([v] * n)


v = object()
for n in (1, 2, 3, 10, 19, 20, 21):
    t = fresh(n, v)
    tid = id(t)
    del t
    u = fresh(n, v)
    print("size", n, "reuses the freed tuple:", id(u) == tid)
    del u
