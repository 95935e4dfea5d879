# Interning runtime strings so equal values share one object (fewer distinct objects alive).
import sys

raw = "red,green,blue,red,red,green".split(",")
print("equal values, distinct objects:", len({id(s) for s in raw}))
canonical = [sys.intern(s) for s in raw]
print("after interning:", len({id(s) for s in canonical}))
print("identity comparisons now work:", canonical[0] is canonical[3], canonical[1] is canonical[5])
counts = {}
for s in canonical:
    counts[s] = counts.get(s, 0) + 1
print("counts:", counts)
table = {}
deduped = [table.setdefault(s, s) for s in raw]
print("dict-based dedupe:", len({id(s) for s in deduped}), deduped[0] is raw[0])
