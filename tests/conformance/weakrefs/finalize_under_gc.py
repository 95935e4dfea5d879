# weakref.finalize fires when gc collects a cycle containing the object.
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    pass


a = Node()
a.self = a
f = weakref.finalize(a, print, "finalizer for cyclic node")
del a
print("before collect:", f.alive)
print("collected:", gc.collect())
print("after collect:", f.alive)
b = Node()
weakref.finalize(b, print, "finalizer dropped right away still runs")
b.self = b
del b
gc.collect()
print("end")
