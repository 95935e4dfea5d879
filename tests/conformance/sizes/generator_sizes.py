# Generator objects embed their frame: size grows with the number of locals and stack.
import sys


def g0():
    yield


def g4(a, b):
    c = a + b
    d = c * 2
    yield d


def gbig():
    v0 = v1 = v2 = v3 = v4 = v5 = v6 = v7 = v8 = v9 = 0
    yield v0


print("no locals:", sys.getsizeof(g0()))
print("four locals:", sys.getsizeof(g4(1, 2)))
print("ten locals:", sys.getsizeof(gbig()))
print("genexp:", sys.getsizeof(x for x in ()))
gen = g4(1, 2)
before = sys.getsizeof(gen)
next(gen)
print("size unchanged while suspended:", sys.getsizeof(gen) == before)
print("__sizeof__ vs getsizeof:", gen.__sizeof__(), sys.getsizeof(gen))
