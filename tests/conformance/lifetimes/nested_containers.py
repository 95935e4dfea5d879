# Nested containers die depth-first: each inner container empties before the next sibling.
class Leaf:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


data = [
    (Leaf("t0a"), Leaf("t0b")),
    [Leaf("l1a"), Leaf("l1b")],
    {"k": Leaf("d2k"), "j": Leaf("d2j")},
]
print("del data")
del data
tree = {"left": [Leaf("L0"), [Leaf("L1a"), Leaf("L1b")]], "right": (Leaf("R0"),)}
print("del tree")
del tree
print("end")
