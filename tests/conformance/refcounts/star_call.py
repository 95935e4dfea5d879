# Star calls build a fresh argument tuple / dict holding references for the call's duration.
import sys


class A:
    pass


a = A()
items = [a, a, a]


def count_all(*args):
    return sys.getrefcount(a), len(args)


def count_kw(**kw):
    return sys.getrefcount(a), sorted(kw)


print("three in list:", sys.getrefcount(a))
print("f(*items):", count_all(*items))
print("f(*items, *items):", count_all(*items, *items))
print("f(**{...}):", count_kw(**{"x": a, "y": a}))
print("after calls:", sys.getrefcount(a))


def positional(p, q, r):
    return sys.getrefcount(a)


print("unpacked into parameters:", positional(*items))
