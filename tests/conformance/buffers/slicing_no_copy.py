# Slicing a memoryview creates a view, not a copy: later changes to the buffer are visible.
ba = bytearray(b"hello world")
m = memoryview(ba)
m2 = m[2:5]
print("slice obj is the bytearray:", m2.obj is ba)
print("slice contents:", bytes(m2))
ba[2] = ord("L")
print("after ba[2] = 'L':", bytes(m2))
m3 = m2[1:]
print("slice of a slice:", bytes(m3), m3.obj is ba)
copy1 = ba[2:5]
copy2 = bytes(m2)
copy3 = m2.tobytes()
ba[3] = ord("X")
print("copies are independent:", copy1, copy2, copy3)
print("view follows:", bytes(m2))
print("len and nbytes of the slice:", len(m2), m2.nbytes)
