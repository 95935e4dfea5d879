# Each active frame that binds an object as a parameter adds one reference.
import sys


def depth3(x):
    return sys.getrefcount(x)


def depth2(x):
    return depth3(x)


def depth1(x):
    return depth2(x)


obj = object()
print("one level:", depth3(obj))
print("three levels:", depth1(obj))
print("temporary through three levels:", depth1(object()))


def recurse(x, n):
    if n == 0:
        return sys.getrefcount(x)
    return recurse(x, n - 1)


print("recursion depth 5:", recurse(obj, 5))
print("recursion depth 10:", recurse(obj, 10))
print("after all returns:", sys.getrefcount(obj))
print("nested argument expression:", depth3(depth3))
