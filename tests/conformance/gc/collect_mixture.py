# gc.collect returns the total number of unreachable GC objects across many independent cycles.
import gc

gc.disable()
gc.collect()


class K:
    pass


def make_all():
    a = []
    a.append(a)                        # 1 list
    d = {}
    d["d"] = d                         # 1 dict
    k = K()
    k.k = k                            # 1 instance
    m = K()
    m.items = [m, {"x": [m]}]          # instance, list, dict, list
    t = [tuple([[]])]
    t[0][0].append(t)                  # list, tuple, inner list
    return None


make_all()
print("total:", gc.collect())
for i in range(3):
    make_all()
print("three rounds:", gc.collect())
