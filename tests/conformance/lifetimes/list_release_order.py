# A dying list releases its items from the last index to the first.
class Item:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del item", self.n)


L = [Item(i) for i in range(5)]
print("del L")
del L
M = [Item("a"), Item("b"), Item("c")]
print("M.clear()")
M.clear()
N = [Item(i) for i in range(6)]
print("del N[1:4]")
del N[1:4]
print("N[:] = []")
N[:] = []
P = [Item("x"), Item("y")]
print("P *= 0")
P *= 0
print("end")
