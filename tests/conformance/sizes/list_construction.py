# How a list is built decides its capacity (getsizeof = 56 + 8 * capacity).
import sys


def cap(L):
    return (sys.getsizeof(L) - 56) // 8


a = b = c = object()
print("[a]:", cap([a]), "[a, b]:", cap([a, b]), "[a, b, c]:", cap([a, b, c]))
print("[1, 2]:", cap([1, 2]), "[1, 2, 3]:", cap([1, 2, 3]), "[1, 2, 3, 4, 5]:", cap([1, 2, 3, 4, 5]))
print("list(range(n)) n=0..10:", [cap(list(range(n))) for n in range(11)])
print("list(tuple):", cap(list((1, 2, 3))), "list(str):", cap(list("abc")), "sorted:", cap(sorted([3, 1, 2])))
print("[*range(5)]:", cap([*range(5)]))
print("[None] * n n=1..5:", [cap([None] * n) for n in range(1, 6)])
L = list(range(7))
print("L[:]:", cap(L[:]), "L.copy():", cap(L.copy()), "[1, 2, 3] * 4:", cap([1, 2, 3] * 4))
print("comprehension n=0..10:", [cap([x for x in range(n)]) for n in range(11)])
print("list(genexp) n=0..10:", [cap(list(x for x in range(n))) for n in range(11)])
print("list(map) n=3:", cap(list(map(int, "123"))))
