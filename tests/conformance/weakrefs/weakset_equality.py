# WeakSet uses equality/hash of members; equal members occupy one slot.
import weakref


class Tag:
    def __init__(self, s):
        self.s = s

    def __eq__(self, other):
        return isinstance(other, Tag) and other.s == self.s

    def __hash__(self):
        return hash(self.s)


x1, x2, y = Tag("x"), Tag("x"), Tag("y")
ws = weakref.WeakSet()
ws.add(x1)
ws.add(x2)
ws.add(y)
print("len:", len(ws), "x2 in ws:", x2 in ws)
print("stored x is x1:", any(t is x1 for t in ws))
del x1
print("x1 died, x2 not a member:", len(ws), x2 in ws)
ws.add(x2)
print("re-added:", len(ws))
print("contains non-weakrefable:", 5 in ws)
print("equality with a WeakSet:", ws == weakref.WeakSet([y, x2]))
