# id() of a temporary is often reused at once: list, dict, float and tuple free lists.
print("id([]) == id([]):", id([]) == id([]))
print("id({}) == id({}):", id({}) == id({}))
print("id([1]) == id([1, 2]) (header reused):", id([1]) == id([1, 2]))
print("id([]) == id({}):", id([]) == id({}))
x = 0.5
print("floats:", id(x + 1.0) == id(x + 2.0))
t = (x, x, x)
tid = id(t)
del t
u = (x, 1, 2)
print("3-tuple reuses a freed 3-tuple:", id(u) == tid)
v = (x, x)
vid = id(v)
del v
w = (x, x, x)
print("3-tuple does not reuse a freed 2-tuple:", id(w) == vid)
