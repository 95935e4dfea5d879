# Finalizers of a collected cycle run in the collector's list order, then objects are cleared.
import gc

gc.disable()
gc.collect()


class Member:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("__del__", self.n)


def ring(names):
    ms = [Member(n) for n in names]
    for a, b in zip(ms, ms[1:] + ms[:1]):
        a.next = b


ring(["a", "b", "c", "d"])
print("collected:", gc.collect())
x, y, z = Member("x"), Member("y"), Member("z")
z.next, y.next, x.next = y, x, z
del z, y, x
print("collected:", gc.collect())
