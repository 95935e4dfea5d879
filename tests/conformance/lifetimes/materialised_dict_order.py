# When an instance's __dict__ has been materialised, the dict releases entries in its order.
class Leaf:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class Plain:
    pass


p = Plain()
p.first = Leaf("first")
p.second = Leaf("second")
d = p.__dict__
d["third"] = Leaf("third")
del d
print("del p")
del p
q = Plain()
q.__dict__.update({"b": Leaf("b"), "a": Leaf("a")})
q.c = Leaf("c")
print("del q")
del q
print("end")
