# A cycle reachable from outside is never collected; dropping the last outside link frees it.
import gc

gc.disable()
gc.collect()


class Node:
    pass


a, b, c = Node(), Node(), Node()
a.n, b.n, c.n = b, c, a
outside = [b]
del a, b, c
print("ring held from a list:", gc.collect())
anchor = outside.pop()
print("ring held by a name:", gc.collect())
holder = {"ring": anchor}
del anchor
print("ring held from a dict:", gc.collect())
holder.clear()
print("last link dropped:", gc.collect())
