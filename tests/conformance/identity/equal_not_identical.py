# Equality and identity differ for fresh objects; identity implies equality except for nan.
pairs = [
    ("lists", [1, 2], [1, 2]),
    ("dicts", {"a": 1}, {"a": 1}),
    ("runtime strings", "".join(["ab", "c"]), "".join(["a", "bc"])),
    ("big ints", int("12345678901234567890"), int("12345678901234567890")),
    ("floats", float("2.5"), float("2.5")),
    ("tuples", tuple([1, 2]), tuple([1, 2])),
    ("bytes", bytes([1, 2, 3]), bytes([1, 2, 3])),
]
for name, x, y in pairs:
    print(name.ljust(16), "==", x == y, " is", x is y)
n = float("nan")
print("nan: is", n is n, "==", n == n, "list contains (identity shortcut):", [n].count(n))
