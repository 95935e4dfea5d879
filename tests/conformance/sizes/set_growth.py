# set sizes: 216 with the inline 8-slot table, then 216 + 16 * table size.
import sys

s = set()
out = [(0, sys.getsizeof(s))]
for i in range(200):
    s.add(i)
    if sys.getsizeof(s) != out[-1][1]:
        out.append((i + 1, sys.getsizeof(s)))
print("add (len, size):", out)
print("set(range(n)):", [(n, sys.getsizeof(set(range(n)))) for n in (0, 4, 5, 18, 19, 76, 77)])
print("frozenset(range(n)):", [(n, sys.getsizeof(frozenset(range(n)))) for n in (0, 4, 5, 19)])
print("displays:", sys.getsizeof({1, 2, 3, 4}), sys.getsizeof({1, 2, 3, 4, 5}),
      sys.getsizeof({1, 2, 3, 4, 5, 6, 7, 8}), sys.getsizeof({1, 2, 3, 4, 5, 6, 7, 8, 9}))
t = set(range(100))
for i in range(95):
    t.discard(i)
print("after discarding 95 of 100:", sys.getsizeof(t))
t.clear()
print("cleared:", sys.getsizeof(t))
