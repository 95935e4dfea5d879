# Comparisons, not, bool() and isinstance() return the True/False singletons.
x = [1]
results = [x == [1], x != [1], not x, bool(x), bool([]), isinstance(x, list), 1 < 2, "a" in "abc", x is x]
print("all are singletons:", all(r is True or r is False for r in results))
print("values:", results)
one = int("1")
t = True
print("int(True) is the cached 1:", int(t) is one)
print("True + 0 is the cached 1:", (t + 0) is one)
print("__index__ of a small int:", (5).__index__() is int("5"))
print("bool subclass impossible:", end=" ")
try:
    type("B", (bool,), {})
except TypeError as e:
    print("TypeError:", e)
