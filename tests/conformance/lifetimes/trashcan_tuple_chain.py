# Deeply nested tuples also go through the trashcan; the innermost payload order shows it.
class N:
    def __init__(self, i):
        self.i = i

    def __del__(self):
        order.append(self.i)


order = []
t = ()
for i in reversed(range(120)):
    t = (N(i), t)
del t
print("count:", len(order))
breaks = [k for k in range(1, len(order)) if order[k] != order[k - 1] - 1]
print("positions where descending order restarts:", breaks)
print("values at those positions:", [order[k] for k in breaks])
print("first:", order[0], "last:", order[-1])
