# Blocks of objects freed by the collector are handed out again to the next allocations.
import gc

gc.disable()


class Node:
    pass


gc.collect()
a = Node()
b = Node()
c = Node()
a.next = b
b.next = c
c.next = a
old_ids = {id(a), id(b), id(c)}
del a, b, c
collected = gc.collect()
x = Node()
y = Node()
z = Node()
print("collected:", collected)
print("the three new instances reuse the three freed blocks:", {id(x), id(y), id(z)} == old_ids)
