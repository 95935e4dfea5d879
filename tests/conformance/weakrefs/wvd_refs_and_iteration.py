# WeakValueDictionary valuerefs()/itervaluerefs(), and removals deferred during iteration.
import weakref


class V:
    def __init__(self, n):
        self.n = n


d = weakref.WeakValueDictionary()
vals = [V(i) for i in range(4)]
for i, v in enumerate(vals):
    d["k%d" % i] = v
del v
refs = d.valuerefs()
print("valuerefs:", len(refs), [r().n for r in refs])
print("KeyedRef keys:", [r.key for r in refs])
del refs
seen = []
for key in d:
    seen.append(key)
    if key == "k0":
        del vals[1]
print("iterated keys:", seen)
print("after the loop:", sorted(d.keys()))
vals.clear()
print("all gone:", len(d))
