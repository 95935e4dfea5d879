# None is shared: storing it anywhere adds a reference (differences measured inside a function).
import sys


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


for label, diff in measure():
    print(label + ":", diff)
