# Every form of del drops exactly one reference: names, items, slices, keys, attributes.
import sys


class Obj:
    pass


o = Obj()
holder = Obj()
a = b = o
lst = [o, o, o]
dct = {"k": o, "j": o}
holder.attr = o
print("start:", sys.getrefcount(o))
del a
print("del name:", sys.getrefcount(o))
del lst[0]
print("del item:", sys.getrefcount(o))
del lst[:]
print("del slice:", sys.getrefcount(o))
del dct["k"]
print("del key:", sys.getrefcount(o))
del holder.attr
print("del attribute:", sys.getrefcount(o))
del b, dct["j"]
print("del tuple of targets:", sys.getrefcount(o))
