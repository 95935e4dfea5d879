# If __del__ breaks the cycle during collection, the objects are freed but not counted.
import gc

gc.disable()
gc.collect()


class Breaker:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("__del__", self.n, "breaks the cycle")
        self.peer = None


class Keeper:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("__del__", self.n, "leaves the cycle")


a = Breaker(1)
a.peer = a
del a
print("self-cycle broken in __del__:", gc.collect())
k = Keeper(2)
k.peer = k
del k
print("self-cycle left intact:", gc.collect())
x, y = Breaker(3), Keeper(4)
x.peer, y.peer = y, x
del x, y
print("mixed pair:", gc.collect())
