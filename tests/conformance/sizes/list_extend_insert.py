# extend/insert/+= capacities, including the "big jump" rule that skips over-allocation.
import sys


def cap(L):
    return (sys.getsizeof(L) - 56) // 8


L = []
L.extend(range(100))
print("[].extend(range(100)):", cap(L))
L = [0] * 10
L.extend([1] * 5)
print("[0]*10 extend 5:", cap(L))
L = [0] * 10
L += [1] * 30
print("[0]*10 += 30 items:", cap(L))
L = []
L.insert(0, "x")
print("[].insert:", cap(L))
L = list(range(8))
L.append(8)
print("list(range(8)) + append:", cap(L))
L = [1, 2, 3]
L.extend([])
print("extend with nothing:", cap(L))
L = []
L[:] = range(6)
print("slice assignment of 6:", cap(L))
