# nonlocal rebinding moves the cell's reference from one object to another.
import sys


def counter():
    current = [0]

    def swap(new):
        nonlocal current
        old = current
        current = new
        return old

    def peek():
        return current

    return swap, peek


swap, peek = counter()
first = peek()
print("first in cell:", sys.getrefcount(first))
second = ["second"]
old = swap(second)
print("old is first:", old is first)
del old
print("first released by cell:", sys.getrefcount(first))
print("second in cell:", sys.getrefcount(second))
del swap
print("one closure left:", sys.getrefcount(second))
del peek
print("all closures gone:", sys.getrefcount(second))
