# list size is 56 + 8 * capacity; appending grows capacity 0, 4, 8, 16, 24, 32, 40, 52, ...
import sys

L = []
last = sys.getsizeof(L)
caps = [0]
for i in range(1000):
    L.append(i)
    size = sys.getsizeof(L)
    if size != last:
        caps.append((size - 56) // 8)
        last = size
print("capacities:", caps)
M = []
sizes = []
for n in range(13):
    sizes.append(sys.getsizeof(M))
    M.append(n)
print("sizes for len 0..12:", sizes)
print("__sizeof__ is 16 less:", M.__sizeof__(), sys.getsizeof(M))
