# A pool that takes objects back automatically when the borrower's handle dies (weakref.finalize).
import weakref


class Connection:
    def __init__(self, n):
        self.n = n


class Handle:
    def __init__(self, conn):
        self.conn = conn


class Pool:
    def __init__(self, n):
        self.free = [Connection(i) for i in range(n)]

    def borrow(self):
        conn = self.free.pop()
        h = Handle(conn)
        weakref.finalize(h, self._give_back, conn)
        return h

    def _give_back(self, conn):
        print("connection", conn.n, "returned")
        self.free.append(conn)


pool = Pool(2)
h1 = pool.borrow()
h2 = pool.borrow()
print("borrowed:", h1.conn.n, h2.conn.n, "free:", len(pool.free))
del h1
print("free after dropping h1:", [c.n for c in pool.free])
h3 = pool.borrow()
print("h3 reuses connection", h3.conn.n)
del h2, h3
print("free at the end:", sorted(c.n for c in pool.free))
