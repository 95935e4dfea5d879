# Containers that contain themselves: each is one collected object.
import gc

gc.disable()
gc.collect()
L = []
L.append(L)
del L
print("list containing itself:", gc.collect())
d = {}
d["me"] = d
del d
print("dict containing itself:", gc.collect())
s = []
s.extend([s, s, s])
del s
print("list containing itself three times:", gc.collect())
outer = [[], [], []]
outer.append(outer)
del outer
print("list cycle holding three inner lists:", gc.collect())
t = ([],)
t[0].append(t)
del t
print("tuple <-> list:", gc.collect())
print("nothing left:", gc.collect())
