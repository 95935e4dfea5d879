# Values sent into a generator are bound in its frame until rebound or the generator ends.
import sys


class Msg:
    def __init__(self, n):
        self.n = n


def receiver():
    last = None
    while True:
        got = yield last
        last = got


m1 = Msg(1)
m2 = Msg(2)
g = receiver()
next(g)
echo = g.send(m1)
print("sent m1 (got, last, echo, name, arg):", sys.getrefcount(m1))
del echo
g.send(m2)
print("after sending m2:", sys.getrefcount(m1), sys.getrefcount(m2))
g.close()
print("generator closed:", sys.getrefcount(m1), sys.getrefcount(m2))
