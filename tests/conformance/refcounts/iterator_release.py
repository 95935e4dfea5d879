# Iterators hold their container; a list iterator drops it as soon as it is exhausted.
import sys

data = [1, 2, 3]
print("list alone:", sys.getrefcount(data))
it = iter(data)
print("with iterator:", sys.getrefcount(data))
print(next(it), next(it), next(it))
print("all items taken, not yet exhausted:", sys.getrefcount(data))
print("next after end:", next(it, "end"))
print("exhausted iterator released the list:", sys.getrefcount(data))
r = reversed(data)
print("reversed iterator:", sys.getrefcount(data))
list(r)
print("reversed exhausted:", sys.getrefcount(data))
t = tuple(range(2))
ti = iter(t)
print("tuple iterator:", sys.getrefcount(t))
list(ti)
print("tuple iterator exhausted:", sys.getrefcount(t))
d = {"a": 1}
di = iter(d)
print("dict iterator:", sys.getrefcount(d))
list(di)
print("dict iterator exhausted:", sys.getrefcount(d))
