# Refcounts of module-level names: the module dict holds one reference per binding.
import sys

g = {"k": 1}
print("global:", sys.getrefcount(g))
h = g
print("two globals:", sys.getrefcount(g))
globals()["i"] = g
print("via globals():", sys.getrefcount(g))
del h
print("after del h:", sys.getrefcount(g))
del globals()["i"]
print("after del via globals():", sys.getrefcount(g))


def reads_global():
    return sys.getrefcount(g)


print("read inside function:", reads_global())


def rebinds_global():
    global g2
    g2 = g
    return sys.getrefcount(g)


print("global statement binding:", rebinds_global())
print("after return:", sys.getrefcount(g))
