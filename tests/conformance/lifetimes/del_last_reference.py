# __del__ runs immediately when the last reference is deleted, not at an earlier del.
class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


r = Res("one")
alias = r
print("deleting r")
del r
print("r deleted, alias still alive")
del alias
print("alias deleted")
holder = [Res("two")]
print("popping")
holder.pop()
print("popped and discarded")
d = {"k": Res("three")}
del d["k"]
print("dict entry deleted")
