# Dicts become tracked when a container is stored, and are untracked only by full collections.
import gc

gc.disable()
d = {}
print("empty:", gc.is_tracked(d))
d["n"] = 1
d[2] = "two"
print("atomic keys/values:", gc.is_tracked(d))
d["list"] = []
print("after storing a list:", gc.is_tracked(d))
del d["list"]
print("after deleting it:", gc.is_tracked(d))
gc.collect(0)
print("after collect(0):", gc.is_tracked(d))
gc.collect(1)
print("after collect(1):", gc.is_tracked(d))
gc.collect(2)
print("after collect(2):", gc.is_tracked(d))
e = {"t": tuple([1, 2])}
print("dict with a fresh tuple:", gc.is_tracked(e))
gc.collect()
print("after full collection:", gc.is_tracked(e), gc.is_tracked(e["t"]))
f = {"t": tuple([[]])}
gc.collect()
print("tuple holding a list keeps it tracked:", gc.is_tracked(f), gc.is_tracked(f["t"]))
