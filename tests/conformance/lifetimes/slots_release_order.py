# __slots__ are released in sorted name order (CPython sorts them), then the __dict__ contents.
class Leaf:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class Slotted:
    __slots__ = ("s2", "s1", "s3")


s = Slotted()
s.s1 = Leaf("s1")
s.s3 = Leaf("s3")
s.s2 = Leaf("s2")
print("del s")
del s


class Mixed:
    __slots__ = ("b", "a", "__dict__")

    def __del__(self):
        print("Mixed.__del__")


m = Mixed()
m.x = Leaf("dict x")
m.a = Leaf("slot a")
m.y = Leaf("dict y")
m.b = Leaf("slot b")
print("del m")
del m
print("end")
