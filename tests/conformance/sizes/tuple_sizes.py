# Tuple size is 40 + 8 per item (24-byte header + items + 16-byte GC head).
import sys

print("():", sys.getsizeof(()))
for n in range(1, 6):
    print(n, "items:", sys.getsizeof(tuple(range(n))))
print("100 items:", sys.getsizeof(tuple(range(100))))
print("__sizeof__ omits the GC head:", (1, 2).__sizeof__(), sys.getsizeof((1, 2)))
print("nested contents not counted:", sys.getsizeof(((1, 2, 3), "long string " * 10)))
print("tuple(list) of 3:", sys.getsizeof(tuple([1, 2, 3])))
print("concatenation:", sys.getsizeof((1,) + (2, 3)))
