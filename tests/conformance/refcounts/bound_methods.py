# A bound method holds references to its instance and to the function.
import sys


class Greeter:
    def hello(self):
        return "hi"


g = Greeter()
func = Greeter.__dict__["hello"]
print("instance:", sys.getrefcount(g))
m = g.hello
print("bound method holds instance:", sys.getrefcount(g))
print("method __self__ is g:", m.__self__ is g, m.__func__ is func)
m2 = g.hello
print("each access makes a new method:", m is m2, sys.getrefcount(g))
methods = [g.hello for _ in range(5)]
print("five more bound methods:", sys.getrefcount(g))
del methods
print("list dropped:", sys.getrefcount(g))
del m, m2
print("methods dropped:", sys.getrefcount(g))
g.hello()
print("calling directly leaves nothing:", sys.getrefcount(g))
