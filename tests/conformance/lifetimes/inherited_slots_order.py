# Slots of the subclass are cleared before the slots of its base (each in sorted name order).
class Leaf:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class Base:
    __slots__ = ("base1", "base2")


class Child(Base):
    __slots__ = ("child1",)


class GrandChild(Child):
    __slots__ = ("grand",)


g = GrandChild()
g.base1 = Leaf("base1")
g.child1 = Leaf("child1")
g.base2 = Leaf("base2")
g.grand = Leaf("grand")
print("del g")
del g


class WithDict(Child):
    pass


w = WithDict()
w.extra = Leaf("extra")
w.child1 = Leaf("child1")
w.base1 = Leaf("base1")
print("del w")
del w
print("end")
