# Each list slot holding an object is one reference; list operations add and drop them.
import sys


class Item:
    pass


it = Item()
print("alone:", sys.getrefcount(it))
L = [it]
print("in one list:", sys.getrefcount(it))
L.append(it)
L.extend([it, it])
print("four slots:", sys.getrefcount(it))
L.insert(0, it)
print("insert:", sys.getrefcount(it))
L.pop()
print("pop (result discarded):", sys.getrefcount(it))
L.remove(it)
print("remove:", sys.getrefcount(it))
del L[0]
print("del L[0]:", sys.getrefcount(it), len(L))
M = L * 3
print("L * 3:", sys.getrefcount(it), len(M))
M[1:4] = []
print("slice deletion:", sys.getrefcount(it))
L.clear()
M.clear()
print("cleared:", sys.getrefcount(it))
N = [it] * 10
print("[it] * 10:", sys.getrefcount(it))
del N
print("del N:", sys.getrefcount(it))
