# BytesIO initialised from bytes shares that object until the stream is modified.
import io
import sys

data = bytes(range(50))
b = io.BytesIO(data)
print("getvalue is the original bytes:", b.getvalue() is data)
b.read(10)
print("after reading:", b.getvalue() is data)
print("refcount includes the stream:", sys.getrefcount(data))
b.write(b"x")
print("after writing, a private copy:", b.getvalue() is data, sys.getrefcount(data))
print("original untouched:", data[10], "stream changed:", b.getvalue()[10])
c = io.BytesIO(data)
v = c.getbuffer()
print("getbuffer forces a private copy:", c.getvalue() is data, v.obj is not data)
