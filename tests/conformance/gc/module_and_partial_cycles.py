# Cycles through module objects, functools.partial and collections containers.
import collections
import functools
import gc
import types

gc.disable()
gc.collect()
m = types.ModuleType("loop")
m.me = m
del m
print("module referring to itself (module + dict):", gc.collect())
box = []
p = functools.partial(print, box)
box.append(p)
del box, p
print("partial <-> list:", gc.collect())
dq = collections.deque()
dq.append(dq)
del dq
print("deque containing itself:", gc.collect())
od = collections.OrderedDict()
od["me"] = od
del od
print("OrderedDict containing itself:", gc.collect())
dd = collections.defaultdict(list)
dd["x"].append(dd)
del dd
print("defaultdict -> list -> defaultdict:", gc.collect())
