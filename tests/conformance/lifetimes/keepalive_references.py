# Closures, bound methods and default arguments keep objects alive until they are dropped.
class Thing:
    def __init__(self, name):
        self.name = name

    def method(self):
        return self.name

    def __del__(self):
        print("del", self.name)


def make_closure():
    t = Thing("closed over")
    return lambda: t.name


f = make_closure()
print("closure returns:", f())
del f
print("closure dropped")
m = Thing("bound").method
print("bound method returns:", m())
del m
print("bound method dropped")


def with_default(x=Thing("default")):
    return x.name


print("default:", with_default())
del with_default
print("end")
