# Indexing errors and unsupported operations on memoryviews.
m = memoryview(bytearray(b"abc"))
grid = memoryview(bytearray(6)).cast("B", [2, 3])
tests = [
    ("m[3]", lambda: m[3]),
    ("m[-4]", lambda: m[-4]),
    ("m['a']", lambda: m["a"]),
    ("m[0, 0] on 1-D", lambda: m[0, 0]),
    ("grid[0]", lambda: grid[0]),
    ("grid[2, 0]", lambda: grid[2, 0]),
    ("iterate 2-D", lambda: list(grid)),
    ("memoryview('abc')", lambda: memoryview("abc")),
    ("memoryview(5)", lambda: memoryview(5)),
    ("del m[0]", lambda: m.__delitem__(0)),
]
for name, op in tests:
    try:
        op()
        print(name, "-> ok")
    except Exception as e:
        print(name, "->", type(e).__name__ + ":", e)
