# Rebinding a name releases the old object and references the new one.
import sys


class R:
    pass


first = R()
second = R()
x = first
print("x -> first:", sys.getrefcount(first), sys.getrefcount(second))
x = second
print("x -> second:", sys.getrefcount(first), sys.getrefcount(second))
x = x
print("self assignment:", sys.getrefcount(second))
x, y = first, first
print("tuple assignment:", sys.getrefcount(first), sys.getrefcount(second))
x = y = None
print("both to None:", sys.getrefcount(first), sys.getrefcount(second))
box = [first]
box[0] = second
print("slot rebound:", sys.getrefcount(first), sys.getrefcount(second))
