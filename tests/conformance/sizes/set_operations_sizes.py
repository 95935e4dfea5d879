# Sizes of sets produced by set operations depend on how the result is built.
import sys

a = set(range(10))
b = set(range(5, 15))
print("a, b:", sys.getsizeof(a), sys.getsizeof(b))
print("union:", sys.getsizeof(a | b))
print("intersection:", sys.getsizeof(a & b))
print("difference:", sys.getsizeof(a - b))
print("symmetric difference:", sys.getsizeof(a ^ b))
print("copy:", sys.getsizeof(a.copy()))
c = set()
c.update(range(10))
print("update into empty:", sys.getsizeof(c))
d = {x for x in range(10)}
print("comprehension of 10:", sys.getsizeof(d))
print("empty results:", sys.getsizeof(a - a), sys.getsizeof(set() | set()))
