# Survivors move to the next generation; a young collection cannot free an older cycle.
import gc

gc.disable()
gc.collect()


class Node:
    pass


def in_generation(obj):
    return [g for g in range(3) if any(o is obj for o in gc.get_objects(g))]


n = Node()
print("new object in generation:", in_generation(n))
gc.collect(0)
print("after collect(0):", in_generation(n))
gc.collect(1)
print("after collect(1):", in_generation(n))
n.self = n
del n
print("collect(0) cannot reach it:", gc.collect(0))
print("collect(1) cannot reach it:", gc.collect(1))
print("collect(2) frees it:", gc.collect(2))
m = Node()
m.self = m
gc.collect(0)
del m
print("promoted once, collect(0):", gc.collect(0), "collect(1):", gc.collect(1))
