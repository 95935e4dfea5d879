# A suspended generator's frame holds its arguments and locals until it finishes.
import sys


class Token:
    pass


def producer(tok):
    held = tok
    yield 1
    held = None
    yield 2
    yield 3


t = Token()
g = producer(t)
print("created, not started (argument in frame):", sys.getrefcount(t))
next(g)
print("suspended at first yield (param + local):", sys.getrefcount(t))
next(g)
print("local rebound to None:", sys.getrefcount(t))
next(g)
print("param still held:", sys.getrefcount(t))
print("exhausted:", next(g, "done"), sys.getrefcount(t))
g2 = producer(t)
next(g2)
print("second generator suspended:", sys.getrefcount(t))
g2.close()
print("closed:", sys.getrefcount(t))
g3 = producer(t)
del g3
print("unstarted generator deleted:", sys.getrefcount(t))
