# Views of bytes are read-only: hashable like the bytes, but not writable.
m = memoryview(b"abc")
print("readonly:", m.readonly)
try:
    m[0] = 1
except TypeError as e:
    print("TypeError:", e)
print("hash equals bytes hash:", hash(m) == hash(b"abc"))
w = memoryview(bytearray(b"abc"))
try:
    hash(w)
except ValueError as e:
    print("ValueError:", e)
r = w.toreadonly()
print("toreadonly:", r.readonly, r.obj is w.obj)
try:
    r[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    hash(r)
except TypeError as e:
    print("hash of a read-only view over a bytearray -> TypeError:", e)
w[0] = ord("X")
print("the read-only view sees writes through the other view:", bytes(r))
