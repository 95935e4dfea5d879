# A tour of CPython's memory management, run by heapscope: reference counts, a reference
# cycle that only the collector can free, a finalizer, a weak reference and free-list reuse.
import gc
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print(f"  Node {self.name} finalized")


print("1. Reference counts")
data = [1, 2, 3]
print("  getrefcount(data) =", sys.getrefcount(data), "(the name, plus the call's argument)")
alias = data
print("  after alias = data:", sys.getrefcount(data))
del alias

print("2. A cycle survives del; the collector frees it")
gc.collect()
a, b = Node("a"), Node("b")
a.peer, b.peer = b, a
watch = weakref.ref(a, lambda ref: print("  weakref callback: a is gone"))
del a, b
print("  after del: still alive?", watch() is not None)
print("  gc.collect() found", gc.collect(), "unreachable objects")
print("  after the collection: alive?", watch() is not None)

print("3. Free lists hand back the same memory")
print("  id([]) == id([]):", id([]) == id([]))
print("  sizes: list", sys.getsizeof([]), "dict", sys.getsizeof({}), "instance", sys.getsizeof(Node("temp")))
