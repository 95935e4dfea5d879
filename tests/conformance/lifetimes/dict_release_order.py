# A dying dict releases each entry's key then value, in insertion order.
class Part:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)

    def __hash__(self):
        return 1

    def __eq__(self, other):
        return self is other


d = {Part("k1"): Part("v1"), Part("k2"): Part("v2"), Part("k3"): Part("v3")}
print("del d")
del d
e = {"a": Part("a"), "b": Part("b"), "c": Part("c")}
e["a"] = e.pop("a")
print("del e (a moved to the end)")
del e
f = {1: Part("one"), 2: Part("two")}
print("f.clear()")
f.clear()
print("end")
