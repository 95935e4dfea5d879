# Removed set entries leave dummies that count towards the fill; re-adding can trigger a resize.
import sys

s = set(range(4))
print("4 items:", sys.getsizeof(s))
s.remove(0)
s.remove(1)
s.add(10)
s.add(11)
print("remove 2, add 2 (dummies reused or not):", sys.getsizeof(s))
s.add(12)
print("one more:", sys.getsizeof(s), len(s))
t = set()
for i in range(100):
    t.add(i)
    t.discard(i)
print("add/discard 100 times, empty set:", sys.getsizeof(t), len(t))
u = set(range(18))
for i in range(18):
    u.discard(i)
u.add(100)
print("emptied then one add:", sys.getsizeof(u))
print("copy compacts:", sys.getsizeof(u.copy()))
