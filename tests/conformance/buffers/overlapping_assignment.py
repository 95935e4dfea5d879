# Assigning between overlapping slices of one buffer behaves like memmove.
ba = bytearray(b"0123456789")
m = memoryview(ba)
m[2:6] = m[0:4]
print("shift right by 2:", ba)
ba[:] = b"0123456789"
m[0:4] = m[2:6]
print("shift left by 2:", ba)
ba[:] = b"0123456789"
ba[0:3] = m[7:10]
print("bytearray slice from its own view (same size, allowed while exported):", ba)
m2 = m[::-1]
tmp = bytes(m2)
m[:] = tmp
print("reverse through a copy:", ba)
