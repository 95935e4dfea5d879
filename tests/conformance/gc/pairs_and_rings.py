# Rings of instances of any length are collected whole; the count is the number of members.
import gc

gc.disable()
gc.collect()


class Node:
    pass


def ring(n, materialise=False):
    nodes = [Node() for _ in range(n)]
    for i, node in enumerate(nodes):
        node.next = nodes[(i + 1) % n]
        if materialise:
            node.__dict__
    return None


for n in (2, 3, 5, 10, 100):
    ring(n)
    print("ring of", n, "->", gc.collect())
ring(4, materialise=True)
print("ring of 4 with materialised dicts ->", gc.collect())
a, b = Node(), Node()
a.peer, b.peer = b, a
del a
print("pair with one external name:", gc.collect())
del b
print("after dropping the name:", gc.collect())
