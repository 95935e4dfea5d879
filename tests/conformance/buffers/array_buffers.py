# array.array: type codes, buffer_info length, frombytes/tobytes, and its export message.
import array

a = array.array("h", [1, -2, 3])
print("typecode, itemsize:", a.typecode, a.itemsize)
print("buffer_info length:", a.buffer_info()[1])
raw = a.tobytes()
print("tobytes:", raw.hex())
b = array.array("h")
b.frombytes(raw)
print("frombytes round trip:", b.tolist(), b == a)
try:
    b.frombytes(b"\x01")
except ValueError as e:
    print("ValueError:", e)
m = memoryview(a)
try:
    a.append(4)
except BufferError as e:
    print("BufferError:", e)
m[0] = 100
print("write through view:", a.tolist())
m.release()
a.append(4)
print("after release:", a.tolist(), a.buffer_info()[1])
print("typecodes:", array.typecodes)
