# A pool lending objects through a context manager returns them even if the block raises.
import contextlib


class Worker:
    def __init__(self, n):
        self.n = n
        self.jobs = 0


class Pool:
    def __init__(self, size):
        self.idle = [Worker(i) for i in range(size)]

    @contextlib.contextmanager
    def worker(self):
        w = self.idle.pop()
        try:
            yield w
        finally:
            self.idle.append(w)
            print("worker", w.n, "returned")


pool = Pool(2)
with pool.worker() as w:
    w.jobs += 1
    print("using worker", w.n, "idle:", len(pool.idle))
try:
    with pool.worker() as w2:
        raise RuntimeError("job failed")
except RuntimeError as e:
    print("caught:", e)
print("idle workers:", sorted(x.n for x in pool.idle), "jobs:", sorted(x.jobs for x in pool.idle))
with pool.worker() as a, pool.worker() as b:
    print("two at once:", a.n, b.n, "idle:", len(pool.idle))
