# With DEBUG_SAVEALL, collected garbage is appended to gc.garbage instead of being freed.
import gc

gc.disable()
gc.collect()
print("flags:", gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print("initial debug:", gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print("after set_debug:", gc.get_debug())
L = []
L.append(L)
del L
print("collected:", gc.collect())
print("garbage:", gc.garbage)


class Node:
    def __repr__(self):
        return "Node"


a, b = Node(), Node()
a.peer, b.peer = b, a
del a, b
print("collected pair:", gc.collect())
print("garbage now:", len(gc.garbage), [type(x).__name__ for x in gc.garbage])
print("saved objects are alive:", gc.garbage[1].peer.peer is gc.garbage[1])
gc.set_debug(0)
del gc.garbage[:]
print("freed after clearing garbage:", gc.collect())
