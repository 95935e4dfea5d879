# An exception raised while handling another keeps it in __context__ (or __cause__).
import sys


class First(Exception):
    pass


class Second(Exception):
    pass


def chained():
    try:
        raise First("first")
    except First:
        raise Second("second")


def explicit(cause):
    raise Second("explicit") from cause


try:
    chained()
except Second as e:
    inner = e.__context__
    print("context type:", type(inner).__name__, "suppressed:", e.__suppress_context__)
    print("inner held by name, __context__, arg:", sys.getrefcount(inner))
    outer = e
print("after except:", sys.getrefcount(inner))
outer.__context__ = None
print("context cleared:", sys.getrefcount(inner))
cause = First("cause")
try:
    explicit(cause)
except Second as e2:
    print("cause is __cause__:", e2.__cause__ is cause, "suppressed:", e2.__suppress_context__)
    print("cause held by name, __cause__, raising frame, arg:", sys.getrefcount(cause))
