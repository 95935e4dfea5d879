# Freed floats go to a LIFO free list: the last freed float's memory is handed out first.
import gc

gc.disable()
gc.collect()  # start with an empty float free list
base = 0.5
f1 = base + 1
f2 = base + 2
f3 = base + 3
ids = [id(f1), id(f2), id(f3)]
del f1, f2, f3
g1 = base + 10
g2 = base + 20
g3 = base + 30
reverse = [id(g1), id(g2), id(g3)] == ids[::-1]
h = base * 2
hid = id(h)
h = base * 4
moved = id(h) != hid
k = base * 8
reused = id(k) == hid
print("reused in reverse order:", reverse)
print("values are new:", g1, g2, g3)
print("rebinding frees the old float after the new one exists:", moved)
print("the next float reuses the freed one:", reused)
