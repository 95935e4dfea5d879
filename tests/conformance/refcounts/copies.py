# Shallow copies share items (adding references); deep copies create new items.
import copy
import sys


class Leaf:
    pass


leaf = Leaf()
outer = [leaf, [leaf]]
print("start:", sys.getrefcount(leaf))
shallow = copy.copy(outer)
print("shallow copy:", sys.getrefcount(leaf), shallow[1] is outer[1])
sliced = outer[:]
print("slice copy:", sys.getrefcount(leaf))
listed = list(outer)
print("list() copy:", sys.getrefcount(leaf))
deep = copy.deepcopy(outer)
print("deep copy:", sys.getrefcount(leaf), deep[0] is leaf, deep[1][0] is deep[0])
print("deep copied leaf:", sys.getrefcount(deep[0]))
del shallow, sliced, listed
print("shallow copies dropped:", sys.getrefcount(leaf))
