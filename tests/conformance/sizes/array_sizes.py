# array.array sizes: 64-byte object plus the allocated item buffer.
import array
import sys

print("itemsizes:", [(code, array.array(code).itemsize) for code in "bBhHiIlLqQfd"])
print("empty:", sys.getsizeof(array.array("i")))
for n in (1, 2, 4, 10, 100):
    print("array('i', range(%d)):" % n, sys.getsizeof(array.array("i", range(n))))
a = array.array("b")
last = sys.getsizeof(a)
steps = []
for i in range(64):
    a.append(1)
    if sys.getsizeof(a) != last:
        last = sys.getsizeof(a)
        steps.append((len(a), last))
print("append growth ('b'):", steps)
print("from bytes:", sys.getsizeof(array.array("d", bytes(80))))
