# Deeply nested lists are freed through the trashcan: __del__ order comes out in runs of 50.
class N:
    __slots__ = ("i",)

    def __init__(self, i):
        self.i = i

    def __del__(self):
        order.append(self.i)


order = []
head = None
for i in reversed(range(200)):
    head = [N(i), head]
del head


def runs(seq):
    out = []
    start = prev = seq[0]
    for x in seq[1:]:
        if x != prev - 1:
            out.append((start, prev))
            start = x
        prev = x
    out.append((start, prev))
    return out


print("count:", len(order))
for a, b in runs(order):
    print(a if a == b else "%d..%d" % (a, b))
