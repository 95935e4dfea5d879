# A set holds one reference per member; adding a member twice does not add a reference.
import sys


class M:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n

    def __eq__(self, other):
        return isinstance(other, M) and other.n == self.n


a = M(1)
s = set()
s.add(a)
print("added:", sys.getrefcount(a))
s.add(a)
print("added again:", sys.getrefcount(a))
twin = M(1)
s.add(twin)
print("equal twin not stored:", sys.getrefcount(a), sys.getrefcount(twin))
fs = frozenset(s)
print("frozenset copy:", sys.getrefcount(a))
s2 = s | {M(2)}
print("union:", sys.getrefcount(a))
s.discard(twin)
print("discard by equal twin:", sys.getrefcount(a), len(s))
del fs, s2
print("dropped copies:", sys.getrefcount(a))
