# gc.freeze moves tracked objects to the permanent generation, where collections ignore them.
import gc

gc.disable()
gc.collect()


class Node:
    pass


n = Node()
n.self = n
del n
before = gc.get_freeze_count()
gc.freeze()
print("frozen some objects:", gc.get_freeze_count() > before)
print("generation sizes after freeze:", [len(gc.get_objects(g)) for g in range(3)][1:])
print("frozen cycle is not collected:", gc.collect())
frozen = gc.get_freeze_count()
m = Node()
m.self = m
del m
print("new cycle still collected:", gc.collect())
print("freeze count unchanged by collect:", gc.get_freeze_count() == frozen)
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())
print("unfrozen cycle collected:", gc.collect())
