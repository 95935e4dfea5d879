# gc.get_referents of cells, bound methods, closures and generators (types of referents).
import gc


def outer():
    v = [1]

    def inner():
        return v
    return inner


f = outer()
cell = f.__closure__[0]
print("cell:", gc.get_referents(cell))


class K:
    def m(self):
        pass


k = K()
bm = k.m
print("bound method:", [type(x).__name__ for x in gc.get_referents(bm)])
print("bound method parts are the instance and function:", set(map(id, gc.get_referents(bm))) == {id(k), id(K.m)})
print("closure tuple:", [type(x).__name__ for x in gc.get_referents(f.__closure__)])


def gen(a):
    b = [a]
    yield b


g = gen("x")
print("unstarted generator sees its argument:", "x" in gc.get_referents(g))
