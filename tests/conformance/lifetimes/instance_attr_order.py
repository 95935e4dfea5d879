# A dying instance releases its attributes in insertion order, after its own __del__.
class Leaf:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del leaf", self.n)


class Node:
    def __init__(self):
        self.z = Leaf("z")
        self.a = Leaf("a")
        self.m = Leaf("m")

    def __del__(self):
        print("del node")


n = Node()
print("del n")
del n
n2 = Node()
del n2.z
n2.z = Leaf("z again")
print("del n2 (z re-added last)")
del n2
n3 = Node()
n3.a = Leaf("a replaced")
print("replacement keeps the slot position; del n3")
del n3
print("end")
