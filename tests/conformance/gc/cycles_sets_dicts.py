# Cycles through sets, dict keys and dict values.
import gc

gc.disable()
gc.collect()


class Member:
    pass


m = Member()
m.groups = {"all": set()}
m.groups["all"].add(m)
del m
print("instance -> dict -> set -> instance:", gc.collect())
k = Member()
table = {k: "value"}
k.table = table
del k, table
print("instance as a key of its own dict attribute:", gc.collect())
registry = {}
for i in range(5):
    item = Member()
    item.registry = registry
    registry[i] = item
del registry, item
print("registry of five items pointing back:", gc.collect())
