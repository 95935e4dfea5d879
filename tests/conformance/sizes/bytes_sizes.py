# bytes size is 33 + length; the constructor does not matter.
import sys

for n in (0, 1, 3, 10, 100):
    print("bytes len", n, "->", sys.getsizeof(b"x" * n))
print("bytes(5):", sys.getsizeof(bytes(5)))
print("from list:", sys.getsizeof(bytes([1, 2, 3])))
print("encode:", sys.getsizeof("h\u00e9llo".encode("utf-8")), len("h\u00e9llo".encode("utf-8")))
print("bytes.fromhex:", sys.getsizeof(bytes.fromhex("00ff10")))
print("join:", sys.getsizeof(b"-".join([b"a", b"b", b"c"])))
