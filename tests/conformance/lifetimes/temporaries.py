# Temporaries die as soon as the expression that used them no longer needs them.
class Temp:
    def __init__(self, n):
        self.n = n
        print("make", n)

    def __del__(self):
        print("del", self.n)

    def value(self):
        return self.n * 10

    def __add__(self, other):
        return Temp(self.n + other.n)


print("value:", Temp(1).value())
print("sum value:", (Temp(2) + Temp(3)).value())
n = len([Temp(4), Temp(5)])
print("len of temporary list:", n)
s = str(Temp(6).n)
print("discarded result:", s)
Temp(7)
print("expression statement done")
