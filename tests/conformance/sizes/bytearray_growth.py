# bytearray size is 56 + allocated buffer; append over-allocates in steps.
import sys

b = bytearray()
last = sys.getsizeof(b)
print("empty:", last)
for i in range(200):
    b.append(65)
    size = sys.getsizeof(b)
    if size != last:
        print("len", len(b), "->", size)
        last = size
print("bytearray(b'abc'):", sys.getsizeof(bytearray(b"abc")))
print("bytearray(10):", sys.getsizeof(bytearray(10)))
c = bytearray(100)
del c[10:]
print("shrunk to 10 from 100:", sys.getsizeof(c))
c.clear()
print("cleared:", sys.getsizeof(c))
