# A generator expression evaluates its first iterable at once and holds an iterator over it.
import sys


class Src:
    def __init__(self):
        self.data = [1, 2, 3]

    def __iter__(self):
        return iter(self.data)


src = Src()
print("source alone:", sys.getrefcount(src), sys.getrefcount(src.data))
g = (x * 2 for x in src)
print("genexp made (holds iterator on data):", sys.getrefcount(src), sys.getrefcount(src.data))
print("first value:", next(g))
print("partly consumed:", sys.getrefcount(src.data))
print("rest:", list(g))
print("exhausted generator drops everything:", sys.getrefcount(src.data))
h = (x for x in src.data)
del h
print("unstarted genexp dropped:", sys.getrefcount(src.data))
