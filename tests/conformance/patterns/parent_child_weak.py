# Parent/child trees with weak back-references are freed by refcounting alone (no gc needed).
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.children = []
        self._parent = weakref.ref(parent) if parent is not None else None
        if parent is not None:
            parent.children.append(self)

    @property
    def parent(self):
        return self._parent() if self._parent is not None else None

    def __del__(self):
        print("freed", self.name)


root = Node("root")
a = Node("a", root)
Node("a1", a)
Node("b", root)
print("a's parent:", a.parent.name, "children of root:", [c.name for c in root.children])
del a
print("deleting root")
del root
print("collector found nothing:", gc.collect())
