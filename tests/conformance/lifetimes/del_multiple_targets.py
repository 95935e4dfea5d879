# `del a, b, c` deletes left to right; unpacking assignment releases old values in target order.
class T:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a, b, c = T("a"), T("b"), T("c")
print("del c, a, b")
del c, a, b
x, y = T("x"), T("y")
print("x, y = 1, 2")
x, y = 1, 2
p = [T("p0"), T("p1")]
q = T("q")
print("del q, p[1], p")
del q, p[1], p
print("end")
