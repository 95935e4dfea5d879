# Stepped and reversed memoryview slices address the same memory with other strides.
ba = bytearray(b"0123456789")
m = memoryview(ba)
ev = m[::2]
rv = m[::-1]
print("even:", ev.tobytes(), ev.strides, "reversed:", rv.tobytes(), rv.strides)
print("reversed of even:", ev[::-1].tobytes())
rv[0] = ord("X")
print("write via reversed view:", ba)
ev[1:3] = b"ab"
print("write via stepped view:", ba)
print("lengths:", len(ev), len(rv), len(m[1::3]))
print("iteration yields ints:", list(m[:3]), [chr(c) for c in m[7:]])
print("empty slices:", m[5:5].tobytes(), m[::-1][10:].tobytes())
