# A materialised instance __dict__ of atomic values is untracked; after holding a container only a full collection untracks it.
import gc

gc.disable()


class K:
    pass


k = K()
k.a = 1
k.b = "text"
d = k.__dict__
print("materialised dict tracked:", gc.is_tracked(d))
gc.collect()
print("after full collection:", gc.is_tracked(d))
k.c = [1]
print("after storing a list:", gc.is_tracked(d))
del k.c
gc.collect(1)
print("after collect(1):", gc.is_tracked(d))
gc.collect()
print("after collect(2):", gc.is_tracked(d))
print("the instance itself stays tracked:", gc.is_tracked(k))
