# gc.collect(0/1/2) and get_count(): a collection zeroes younger counts and bumps the next one.
import gc

gc.disable()
gc.collect()
gc.collect(0)
print("after collect(0):", gc.get_count()[1:])
gc.collect(0)
gc.collect(0)
print("after three collect(0):", gc.get_count()[1:])
gc.collect(1)
print("after collect(1):", gc.get_count()[1:])
gc.collect(2)
print("after collect(2):", gc.get_count()[1:])
for g in (0, 1, 2):
    L = []
    L.append(L)
    del L
    print("collect(%d) finds a fresh cycle:" % g, gc.collect(g))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.collect(-1)
except ValueError as e:
    print("ValueError:", e)
print("keyword form:", gc.collect(generation=2))
