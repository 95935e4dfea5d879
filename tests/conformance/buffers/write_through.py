# Writing into a memoryview (items or same-length slices) changes the underlying buffer.
ba = bytearray(b"abcdefgh")
m = memoryview(ba)
m[0] = ord("A")
m[2:4] = b"CD"
print("after writes:", ba)
m[-1] = 0x5A
print("negative index:", ba)
tail = m[4:]
tail[:2] = b"EF"
print("through a sub-view:", ba)
try:
    m[0:2] = b"xyz"
except ValueError as e:
    print("ValueError:", e)
try:
    m[0] = 300
except ValueError as e:
    print("ValueError:", e)
try:
    m[0] = b"a"
except TypeError as e:
    print("TypeError:", e)
m[::2] = b"1234"
print("strided assignment:", ba)
