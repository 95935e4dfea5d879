# Sorting with a key keeps computed keys only during the sort; items keep their references.
import sys


class Rec:
    def __init__(self, k):
        self.k = k


recs = [Rec(3), Rec(1), Rec(2)]
keyobj = ["key"]
pairs = [(keyobj, r) for r in recs]
print("before sort:", [sys.getrefcount(r) for r in recs], sys.getrefcount(keyobj))
recs.sort(key=lambda r: r.k)
print("sorted order:", [r.k for r in recs])
print("after sort:", [sys.getrefcount(r) for r in recs])
ordered = sorted(recs, key=lambda r: -r.k)
print("sorted() copy:", [r.k for r in ordered], [sys.getrefcount(r) for r in recs])
rev = list(reversed(recs))
print("reversed copy:", [sys.getrefcount(r) for r in recs])
del pairs
print("pairs dropped:", sys.getrefcount(keyobj))
