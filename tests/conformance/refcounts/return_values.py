# A returned object keeps only the references the caller binds; the frame's are dropped.
import sys


def make():
    obj = ["made"]
    alias = obj
    return obj


def passthrough(x):
    return x


r = make()
print("returned fresh object:", sys.getrefcount(r))
print("passthrough of a name:", sys.getrefcount(passthrough(r)))
s = passthrough(passthrough(r))
print("bound result:", sys.getrefcount(r))


def many():
    a = []
    return a, a, a


t = many()
print("returned tuple of three:", sys.getrefcount(t[0]), sys.getrefcount(t))
del t
print("discarded call:", make() is not None)
