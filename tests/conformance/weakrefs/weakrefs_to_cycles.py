# A weakref to an object in an unreachable cycle stays alive until gc collects the cycle.
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    pass


a, b = Node(), Node()
a.peer, b.peer = b, a
ra = weakref.ref(a, lambda r: print("callback for a"))
rb = weakref.ref(b)
del a, b
print("after del, before collect:", ra() is not None, rb() is not None)
print("the dead cycle is still reachable through the ref:", ra().peer.peer is ra())
print("collected:", gc.collect())
print("after collect:", ra(), rb())
