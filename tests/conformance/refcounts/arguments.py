# Refcounts seen through function parameters: a parameter is one more reference.
import sys


def one(a):
    return sys.getrefcount(a)


def two(a, b):
    return sys.getrefcount(a), sys.getrefcount(b)


def kw(*, key):
    return sys.getrefcount(key)


obj = object()
print("named global passed:", one(obj))
print("temporary passed:", one(object()))
print("same object twice:", two(obj, obj))
print("keyword-only:", kw(key=obj))
print("temporary keyword:", kw(key=[]))
print("after calls:", sys.getrefcount(obj))


def star(*args):
    return sys.getrefcount(args[0]), sys.getrefcount(args)


print("*args tuple:", star(obj))


def dstar(**kwargs):
    return sys.getrefcount(kwargs["x"]), sys.getrefcount(kwargs)


print("**kwargs dict:", dstar(x=obj))
