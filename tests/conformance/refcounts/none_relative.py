# None is shared: storing it anywhere adds a reference (differences only; automatic gc off).
import gc
import sys

gc.disable()
gc.collect()


def returns_none():
    pass


def measure():
    out = []
    base = sys.getrefcount(None)
    L = [None] * 10
    out.append(("ten slots", sys.getrefcount(None) - base))
    t = tuple(L[:3])
    out.append(("plus a 3-tuple", sys.getrefcount(None) - base))
    d = dict.fromkeys(range(5))
    out.append(("plus five dict values", sys.getrefcount(None) - base))
    del L
    out.append(("list dropped", sys.getrefcount(None) - base))
    del t, d
    out.append(("all dropped", sys.getrefcount(None) - base))
    results = [returns_none() for _ in range(7)]
    out.append(("seven implicit returns stored", sys.getrefcount(None) - base))
    return out


measure()  # warm-up: first calls may touch interpreter caches holding None
for label, diff in measure():
    print(label + ":", diff)
