# Views and lazy wrappers (dict views, enumerate, zip, map, filter) hold their sources.
import sys

d = {1: "a"}
L = [1, 2]
print("dict:", sys.getrefcount(d))
k, v, i = d.keys(), d.values(), d.items()
print("three views:", sys.getrefcount(d))
del k, v, i
print("views dropped:", sys.getrefcount(d))
e = enumerate(L)
print("enumerate holds an iterator, not the list:", sys.getrefcount(L))
z = zip(L, L)
print("zip with two iterators:", sys.getrefcount(L))
m = map(str, L)
f = filter(None, L)
print("map and filter:", sys.getrefcount(L))
list(z)
print("zip exhausted (iterators released the list):", sys.getrefcount(L))
del e, m, f, z
print("all dropped:", sys.getrefcount(L))
