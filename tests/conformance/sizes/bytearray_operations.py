# bytearray allocation after extend, +=, slice assignment, insert and constructors.
import sys


def alloc(b):
    return sys.getsizeof(b) - 56


b = bytearray()
b.extend(b"x" * 10)
print("extend 10 on empty:", alloc(b))
b += b"y" * 3
print("+= 3:", alloc(b))
b[0:0] = b"zz"
print("insert 2 via slice:", alloc(b))
b.insert(0, 1)
print("insert one:", alloc(b))
b[:] = b""
print("slice-cleared:", alloc(b))
print("bytearray(b'x' * 20):", alloc(bytearray(b"x" * 20)))
print("bytearray(range(5)):", alloc(bytearray(range(5))))
print("bytearray('abc', 'ascii'):", alloc(bytearray("abc", "ascii")))
print("copy of a grown bytearray:", alloc(bytearray(b"x" * 10) + b"y"), alloc(bytearray(bytearray(b"q" * 11))))
c = bytearray(b"a" * 100)
c[10:] = b""
print("cut 100 to 10 by slice:", alloc(c))
