# Freed floats go to a LIFO free list: the last freed float's memory is handed out first.
base = 0.5
f1 = base + 1
f2 = base + 2
f3 = base + 3
ids = [id(f1), id(f2), id(f3)]
del f1, f2, f3
g1 = base + 10
g2 = base + 20
g3 = base + 30
print("reused in reverse order:", [id(g1), id(g2), id(g3)] == ids[::-1])
print("values are new:", g1, g2, g3)
h = base * 2
hid = id(h)
h = base * 4
print("rebinding frees the old float after the new one exists:", id(h) != hid)
k = base * 8
print("the next float reuses the freed one:", id(k) == hid)
