# A captured variable lives in a cell: the cell holds the reference, shared by closures.
import sys


def outer():
    data = ["captured"]
    print("in outer (cell + arg):", sys.getrefcount(data))

    def reader():
        return data

    def reader2():
        return data

    print("after defining closures:", sys.getrefcount(data))
    cell = reader.__closure__[0]
    print("both share the cell:", cell is reader2.__closure__[0])
    print("cell refcount (name, 2 closures, arg):", sys.getrefcount(cell))
    return reader


r = outer()
d = r()
print("outer returned, cell keeps it:", sys.getrefcount(d))
cell = r.__closure__[0]
print("cell after outer returned:", sys.getrefcount(cell))
del r
print("closure gone, cell kept by name:", sys.getrefcount(d))
del cell
print("cell gone:", sys.getrefcount(d))
