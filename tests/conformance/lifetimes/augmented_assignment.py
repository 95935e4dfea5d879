# `+=` without __iadd__ builds a new object, then releases the old one; with __iadd__ it is kept.
class Mutable:
    def __init__(self, n):
        self.n = n

    def __iadd__(self, k):
        print("iadd in place")
        self.n += k
        return self

    def __del__(self):
        print("del Mutable", self.n)


class Immutable:
    def __init__(self, n):
        self.n = n

    def __add__(self, k):
        print("add makes", self.n + k)
        return Immutable(self.n + k)

    def __del__(self):
        print("del Immutable", self.n)


m = Mutable(1)
m += 1
print("same object kept:", m.n)
f = Immutable(10)
f += 1
print("f is now", f.n)
box = [Immutable(20)]
box[0] += 5
print("box[0] is now", box[0].n)
print("end")
