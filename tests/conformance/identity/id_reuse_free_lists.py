# id() of a temporary is often reused at once: list, dict, float and tuple free lists.
import gc

gc.disable()
gc.collect()  # start with empty free lists
r = {}
r["id([]) == id([])"] = id([]) == id([])
r["id({}) == id({})"] = id({}) == id({})
r["id([1]) == id([1, 2]) (header reused)"] = id([1]) == id([1, 2])
r["id([]) == id({})"] = id([]) == id({})
x = 0.5
r["floats x + 1.0 and x + 2.0"] = id(x + 1.0) == id(x + 2.0)
t = (x, x, x)
tid = id(t)
del t
u = (x, 1, 2)
r["3-tuple reuses a freed 3-tuple"] = id(u) == tid
v = (x, x)
vid = id(v)
del v
w = (x, x, x)
r["3-tuple reuses a freed 2-tuple"] = id(w) == vid
for label, value in r.items():
    print(label + ":", value)
