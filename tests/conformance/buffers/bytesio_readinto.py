# BytesIO.readinto fills preallocated buffers, including memoryview slices (zero copy).
import io

src = io.BytesIO(b"abcdefg")
buf = bytearray(5)
print("readinto bytearray:", src.readinto(buf), buf)
print("remaining:", src.read())
target = bytearray(10)
n = io.BytesIO(b"xyz").readinto(memoryview(target)[4:])
print("into a slice:", n, target)
chunks = bytearray(4)
stream = io.BytesIO(b"0123456789")
parts = []
while True:
    k = stream.readinto(chunks)
    if not k:
        break
    parts.append(bytes(memoryview(chunks)[:k]))
print("chunked:", parts)
print("readinto at EOF:", stream.readinto(chunks))
