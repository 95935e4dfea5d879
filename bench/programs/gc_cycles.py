# gc-collect: 100,000 objects in reference cycles, collected repeatedly; prints a checksum.
import gc


class Node:
    __slots__ = ("other", "value", "__weakref__")

    def __init__(self, value):
        self.value = value
        self.other = None


def build(n):
    nodes = [Node(i) for i in range(n)]
    for i in range(0, n - 1, 2):
        nodes[i].other = nodes[i + 1]
        nodes[i + 1].other = nodes[i]
    return nodes


gc.disable()
total = 0
for round_ in range(5):
    nodes = build(100_000)
    del nodes
    total += gc.collect()
print("checksum", total)
