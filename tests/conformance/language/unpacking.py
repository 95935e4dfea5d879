# Iterable unpacking: starred targets, nesting, swaps, dict and call-site unpacking.
a, b, *rest = range(6)
print(a, b, rest)
*init, last = "hello"
print(init, last)
(x, y), z = (1, 2), 3
print(x, y, z)
a, b = b, a
print(a, b)
first, *_, final = [10, 20, 30, 40]
print(first, final)
merged = {**{"a": 1, "b": 2}, **{"b": 3, "c": 4}}
print(merged)
print([*range(3), *"ab"], {*range(3), 5})


def f(p, q, *args, r=0, **kw):
    return p, q, args, r, kw


print(f(*[1, 2, 3], **{"r": 4, "s": 5}))
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
