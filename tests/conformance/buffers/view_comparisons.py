# memoryview equality compares logical values, across formats and with bytes-like objects.
import array

m = memoryview(b"abc")
print("== bytes:", m == b"abc", "== bytearray:", m == bytearray(b"abc"), "== str:", m == "abc")
ints = memoryview(array.array("i", [97, 98, 99]))
print("int array vs bytes (values equal):", ints == m)
print("list is not bytes-like:", m == [97, 98, 99])
d = memoryview(array.array("d", [1.0, 2.0]))
i = memoryview(array.array("i", [1, 2]))
print("doubles vs ints:", d == i)
print("slices:", m[1:] == b"bc", m[::2] == b"ac")
try:
    m < m
except TypeError as e:
    print("TypeError:", e)
print("nan in a double view:", memoryview(array.array("d", [float("nan")])) == memoryview(array.array("d", [float("nan")])))
