# Object pool: released objects are reset and handed out again instead of allocating new ones.
class Reusable:
    created = 0

    def __init__(self):
        Reusable.created += 1
        self.value = 0

    def reset(self):
        self.value = 0


class ObjectPool:
    def __init__(self, factory, size):
        self.factory = factory
        self.available = [factory() for _ in range(size)]

    def acquire(self):
        return self.available.pop() if self.available else self.factory()

    def release(self, obj):
        obj.reset()
        self.available.append(obj)


pool = ObjectPool(Reusable, 2)
a = pool.acquire()
a.value = 42
pool.release(a)
b = pool.acquire()
print("same object back:", a is b, "value reset:", b.value, "created:", Reusable.created)
c = pool.acquire()
d = pool.acquire()
print("pool empty, made a new one:", Reusable.created, len(pool.available))
for o in (b, c, d):
    pool.release(o)
print("all returned:", len(pool.available))
ids = {id(o) for o in pool.available}
again = [pool.acquire() for _ in range(3)]
print("reacquired the same three objects:", {id(o) for o in again} == ids, Reusable.created)
