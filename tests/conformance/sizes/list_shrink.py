# Popping shrinks the capacity when the length drops below half; clear() frees the array.
import sys


def cap(L):
    return (sys.getsizeof(L) - 56) // 8


L = []
for i in range(100):
    L.append(i)
print("100 appended, capacity:", cap(L))
last = cap(L)
while L:
    L.pop()
    if cap(L) != last:
        print("len", len(L), "-> capacity", cap(L))
        last = cap(L)
M = list(range(10))
del M[5:]
print("del M[5:] of 10:", cap(M))
M = list(range(10))
del M[4:]
print("del M[4:] of 10:", cap(M))
M.clear()
print("clear:", cap(M), sys.getsizeof(M))
