# Cycles built inside a function become garbage when it returns; a survivor keeps its cycle.
import gc

gc.disable()
gc.collect()


class Node:
    pass


def build(n, keep):
    nodes = [Node() for _ in range(n)]
    for a, b in zip(nodes, nodes[1:] + nodes[:1]):
        a.next = b
    return nodes[0] if keep else None


build(6, False)
print("ring built and dropped:", gc.collect())
survivor = build(6, True)
print("ring kept through one member:", gc.collect())
node, count = survivor, 0
while True:
    node, count = node.next, count + 1
    if node is survivor:
        break
print("ring length:", count)
del survivor, node
print("released:", gc.collect())
