# The same tree with strong back-references forms cycles: nothing is freed until gc runs.
import gc

gc.disable()
gc.collect()


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.children = []
        self.parent = parent
        if parent is not None:
            parent.children.append(self)

    def __del__(self):
        print("freed", self.name)


root = Node("root")
a = Node("a", root)
Node("a1", a)
Node("b", root)
del a
print("deleting root: nothing printed")
del root
print("collecting")
print("collected:", gc.collect())
