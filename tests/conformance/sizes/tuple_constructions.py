# Tuple size depends only on the number of items, however the tuple is built.
import sys

gen = tuple(x for x in range(5))
lst = tuple([0, 1, 2, 3, 4])
star = (*range(5),)
sliced = tuple(range(10))[:5]
added = (0, 1) + (2, 3, 4)
mult = (0,) * 5
print("sizes:", [sys.getsizeof(t) for t in (gen, lst, star, sliced, added, mult)])
print("tuple(range(0)) is the empty singleton:", tuple(range(0)) is tuple())
print("sizes 0..6:", [sys.getsizeof(tuple(range(n))) for n in range(7)])
print("namedtuple-like subclass:", sys.getsizeof(type("Pt", (tuple,), {"__slots__": ()})((1, 2))))
