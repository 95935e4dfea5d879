# Default argument values are held by the function's __defaults__ and __kwdefaults__.
import sys

sentinel = ["default"]
print("before def:", sys.getrefcount(sentinel))


def f(a=sentinel, b=sentinel):
    return sys.getrefcount(a)


print("after def (one defaults tuple, two slots):", sys.getrefcount(sentinel))
print("inside call using the default:", f())
print("inside call with explicit arg:", f([]))


def g(*, k=sentinel):
    return k


print("after kw-only def:", sys.getrefcount(sentinel))
f.__defaults__ = None
print("defaults cleared:", sys.getrefcount(sentinel))
g.__kwdefaults__ = None
print("kwdefaults cleared:", sys.getrefcount(sentinel))
h = lambda x=sentinel: x
print("lambda default:", sys.getrefcount(sentinel))
del h
print("lambda deleted:", sys.getrefcount(sentinel))
