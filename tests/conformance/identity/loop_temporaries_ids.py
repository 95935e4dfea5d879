# A temporary freed every iteration tends to reuse the same memory in the next one.
ids = []
for i in range(5):
    tmp = [i]
    ids.append(id(tmp))
    del tmp
print("lists freed each iteration share one id:", len(set(ids)))


class K:
    pass


ids = []
for i in range(5):
    ids.append(id(K()))
print("instances created and dropped:", len(set(ids)))
kept = []
ids = []
for i in range(5):
    o = K()
    kept.append(o)
    ids.append(id(o))
print("kept instances all distinct:", len(set(ids)))
