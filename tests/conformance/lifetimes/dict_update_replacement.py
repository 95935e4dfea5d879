# Replacing dict values releases the old value at once; keys already present are kept.
class V:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


d = {"a": V("a1"), "b": V("b1"), "c": V("c1")}
print("update with a and c")
d.update({"c": V("c2"), "a": V("a2")})
print("setdefault on existing key (new default discarded)")
d.setdefault("b", V("unused"))
print("pop b")
d.pop("b")
print("popitem")
d.popitem()
print("dict now", sorted(d))
d |= {"a": V("a3")}
print("end")
