# A freed list header goes to the list free list, so a dict or instance does not reuse its id.
import gc

gc.disable()


class K:
    pass


gc.collect()  # start with empty free lists
r = {}
L = [1, 2, 3]
lid = id(L)
del L
d = {}
r["dict after freeing a list"] = id(d) == lid
k = K()
r["instance after freeing a list"] = id(k) == lid
M = []
r["next list reuses it"] = id(M) == lid
did = id(d)
del d
e = {}
r["next dict reuses the freed dict"] = id(e) == did
big = int("1" * 20)
bid = id(big)
del big
big2 = int("2" * 20)
r["big int reuses a freed big int (same size class)"] = id(big2) == bid
s = "".join(["x"] * 30)
sid = id(s)
del s
s2 = "".join(["y"] * 30)
r["30-char str reuses a freed 30-char str"] = id(s2) == sid
for label, value in r.items():
    print(label + ":", value)
