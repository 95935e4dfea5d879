# Small ints and True/False are shared objects: count differences, not absolute values.
import gc
import sys

gc.disable()
gc.collect()

one = sys.getrefcount(1)
big_base = sys.getrefcount(True)
L = [1] * 20
print("twenty 1s:", sys.getrefcount(1) - one)
M = [0 + 1 for _ in range(5)]
print("computed 1s are the cached object:", sys.getrefcount(1) - one)
flags = [True, True, 1 == 1]
print("three True:", sys.getrefcount(True) - big_base)
del L, M, flags
print("dropped:", sys.getrefcount(1) - one, sys.getrefcount(True) - big_base)
x = int("1000000")
print("fresh big int:", sys.getrefcount(x))
y = x
print("aliased:", sys.getrefcount(x))
