# An owner's __del__ runs before the objects it owns are released.
class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        print("del", self.name, "child:", self.child.name if self.child else None)


chain = Node("a", Node("b", Node("c")))
print("del chain")
del chain
shared = Node("shared")
x = Node("x", shared)
y = Node("y", shared)
del shared
print("del x")
del x
print("del y")
del y
print("end")
