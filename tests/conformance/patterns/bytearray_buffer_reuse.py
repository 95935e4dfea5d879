# Reusing one bytearray: clearing frees its buffer, shrinking keeps it, slice-writes reuse it.
import sys

buf = bytearray(1000)
print("allocated:", sys.getsizeof(buf))
buf[:10] = b"x" * 10
print("same-size write keeps the size:", sys.getsizeof(buf))
del buf[600:]
print("shrink to 600 keeps the buffer:", sys.getsizeof(buf))
del buf[100:]
print("shrink below half reallocates:", sys.getsizeof(buf))
buf.clear()
print("clear frees the buffer:", sys.getsizeof(buf))
work = bytearray(64)
view = memoryview(work)
for i in range(3):
    view[:4] = i.to_bytes(4, "little")
    print("round", i, bytes(view[:4]).hex(), sys.getsizeof(work))
view.release()
