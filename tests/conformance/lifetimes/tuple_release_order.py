# A dying tuple releases its items last to first; shared items die only at their last reference.
class Item:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


t = (Item(0), Item(1), Item(2))
print("del t")
del t
shared = Item("shared")
u = (Item("u0"), shared, Item("u2"))
v = (shared,)
del shared
print("del u")
del u
print("del v")
del v
print("end")
