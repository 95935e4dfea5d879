# On rebinding, the new object is built before the old one is released.
class Obj:
    def __init__(self, n):
        self.n = n
        print("init", n)

    def __del__(self):
        print("del", self.n)


x = Obj(1)
x = Obj(2)
print("after first rebinding")
x = Obj(3)
print("after second rebinding")
x = None
print("after x = None")
L = [Obj(4)]
L[0] = Obj(5)
print("after slot rebinding")
a, b = Obj(6), Obj(7)
a, b = b, a
print("swap frees nothing")
a = b = None
print("end")
