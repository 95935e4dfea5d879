# Tuples take part in cycles like any container; atomic-only tuples hanging off a cycle count too.
import gc

gc.disable()
gc.collect()


class Holder:
    pass


h = Holder()
h.t = (h, 1, "x")
del h
print("instance <-> tuple:", gc.collect())
L = []
L.append((L, (L,)))
del L
print("list <-> nested tuples:", gc.collect())
h = Holder()
h.self = h
h.payload = tuple(range(3))
h.strings = ["a", "b"]
del h
print("cycle with a fresh int tuple and a str list attached:", gc.collect())
h = Holder()
h.self = h
h.text = "not a container"
h.number = 10 ** 30
del h
print("cycle with non-container attributes:", gc.collect())
