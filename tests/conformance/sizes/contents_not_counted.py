# getsizeof counts only the container itself, never the objects it references.
import sys

small_item, huge_item = 1, 10 ** 100
small = [small_item, 2, 3]
big_items = ["x" * 10000, "y" * 10000, "z" * 10000]
print("same size regardless of items:", sys.getsizeof(small) == sys.getsizeof([huge_item, 2, 3]))
print("list of big strings:", sys.getsizeof(big_items))
print("one big string:", sys.getsizeof(big_items[0]))
d1 = {"k": 1}
d2 = {"k": "v" * 100000}
print("dict value size ignored:", sys.getsizeof(d1) == sys.getsizeof(d2))
t1 = (None,)
t2 = (list(range(1000)),)
print("tuple contents ignored:", sys.getsizeof(t1) == sys.getsizeof(t2))


class Holder:
    pass


h = Holder()
h.payload = bytearray(100000)
print("instance attribute ignored:", sys.getsizeof(h))
