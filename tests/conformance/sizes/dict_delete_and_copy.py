# Deleting never shrinks a dict; clear() returns to the empty size; copy() compacts.
import sys

d = {i: i for i in range(100)}
print("100 keys:", sys.getsizeof(d))
for i in range(95):
    del d[i]
print("after deleting 95:", sys.getsizeof(d), len(d))
print("copy of the sparse dict:", sys.getsizeof(d.copy()))
print("dict() of it:", sys.getsizeof(dict(d)))
d.clear()
print("cleared:", sys.getsizeof(d))
e = {"a": 1, "b": 2}
e.pop("a")
e["c"] = 3
print("pop then insert:", sys.getsizeof(e))
f = {i: None for i in range(5)}
f.popitem()
f[10] = 1
f[11] = 1
print("popitem then two inserts:", sys.getsizeof(f))
