# An instance referring to itself is freed only by the collector; a materialised __dict__ counts too.
import gc

gc.disable()
gc.collect()


class Node:
    pass


a = Node()
a.self = a
del a
print("instance self-cycle (inline values):", gc.collect())
b = Node()
b.self = b
b.__dict__
del b
print("same with materialised __dict__:", gc.collect())
c = Node()
c.self = c
c.other = [c]
del c
print("self-cycle plus a list in the cycle:", gc.collect())
print("nothing left:", gc.collect())
