# frozenset sizes by construction path (constructor, display-based, operations).
import sys

print("frozenset():", sys.getsizeof(frozenset()))
print("from range 1..8:", [sys.getsizeof(frozenset(range(n))) for n in range(1, 9)])
print("from a set of 5:", sys.getsizeof(frozenset({1, 2, 3, 4, 5})))
print("from a list with duplicates:", sys.getsizeof(frozenset([1] * 100)))
fs = frozenset(range(10))
print("union with itself:", sys.getsizeof(fs | fs), "copy is same object:", fs.copy() is fs)
print("frozenset(fs) is fs:", frozenset(fs) is fs)
print("in-place-style |= makes a new object:", sys.getsizeof(fs | frozenset([100])))
