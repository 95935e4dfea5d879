# Returning objects to a pool from __del__ works only once: __del__ never runs twice per object.
class Pooled:
    pool = []

    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("__del__ returns", self.n, "to the pool")
        Pooled.pool.append(self)


a = Pooled(1)
del a
print("pool:", [p.n for p in Pooled.pool])
b = Pooled.pool.pop()
print("reused object", b.n)
del b
print("pool after the second drop:", [p.n for p in Pooled.pool])
print("the object was freed for real this time")
