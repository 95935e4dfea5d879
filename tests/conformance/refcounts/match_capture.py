# match/case capture patterns bind names like assignment does.
import sys


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


item = ["item"]
subject = [item, item]
match subject:
    case [first, second]:
        print("two captures:", sys.getrefcount(item))
del first, second
pt = Point(item, 0)
match pt:
    case Point(x=found, y=0):
        print("keyword capture:", sys.getrefcount(item), found is item)
del found
match {"key": item}:
    case {"key": val}:
        print("mapping capture:", sys.getrefcount(item))
print("after matches:", sys.getrefcount(item))
