# array.array buffer growth through extend/frombytes/fromlist and slicing.
import array
import sys


def buf(a):
    return sys.getsizeof(a) - sys.getsizeof(array.array(a.typecode))


a = array.array("h")
a.extend(range(10))
print("extend 10 shorts:", buf(a), "bytes for", len(a), "items")
a.frombytes(bytes(20))
print("frombytes 20 bytes:", buf(a), len(a))
a.fromlist([1, 2, 3])
print("fromlist 3:", buf(a), len(a))
b = a[2:7]
print("slice of 5:", buf(b))
c = a * 2
print("repeat:", buf(c), len(c))
del a[:]
print("deleted all:", buf(a))
d = array.array("d", [0.0] * 16)
print("16 doubles:", buf(d), d.buffer_info()[1])
