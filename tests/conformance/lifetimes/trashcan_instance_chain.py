# A chain of plain instances finalizes head first: each __del__ runs before its child is released.
import sys


class Link:
    def __init__(self, i, nxt):
        self.i = i
        self.nxt = nxt

    def __del__(self):
        order.append(self.i)


order = []
head = None
for i in reversed(range(300)):
    head = Link(i, head)
del head
print("count:", len(order))
print("in order 0..299:", order == list(range(300)))
print("first five:", order[:5], "last five:", order[-5:])
deep = []
for _ in range(100000):
    deep = [deep]
del deep
print("100000-deep list freed without recursion error")
