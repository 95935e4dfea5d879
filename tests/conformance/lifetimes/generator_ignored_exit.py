# A collected generator that yields in finally reports "generator ignored GeneratorExit".
import sys


def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, "| object is a", type(u.object).__name__)


sys.unraisablehook = hook


def stubborn():
    try:
        yield 1
    finally:
        print("finally reached")
        yield 2


g = stubborn()
next(g)
print("deleting")
del g
print("after delete")


def raising():
    try:
        yield 1
    finally:
        raise ValueError("from finally")


r = raising()
next(r)
del r
print("end")
