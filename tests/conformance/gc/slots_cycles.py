# Instances with __slots__ (no __dict__) form cycles through their slots.
import gc

gc.disable()
gc.collect()


class Link:
    __slots__ = ("next", "data")


a = Link()
a.next = a
del a
print("slotted self-cycle:", gc.collect())
nodes = [Link() for _ in range(7)]
for i, n in enumerate(nodes):
    n.next = nodes[(i + 1) % 7]
    n.data = [i]
del nodes, n
print("ring of 7 with a list each:", gc.collect())


class Both:
    __slots__ = ("s", "__dict__")


b = Both()
b.s = b
b.attr = b
del b
print("slot + __dict__ both pointing back:", gc.collect())
