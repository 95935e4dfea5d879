# A temporary freed every iteration tends to reuse the same memory in the next one.
import gc

gc.disable()


class K:
    pass


list_ids = []
for i in range(5):
    tmp = [i]
    list_ids.append(id(tmp))
    del tmp
inst_ids = []
for i in range(5):
    inst_ids.append(id(K()))
kept = []
kept_ids = []
for i in range(5):
    o = K()
    kept.append(o)
    kept_ids.append(id(o))
print("lists freed each iteration, distinct ids:", len(set(list_ids)))
print("instances created and dropped, distinct ids:", len(set(inst_ids)))
print("kept instances, distinct ids:", len(set(kept_ids)))
