# Closures created in a loop share one cell: the cell holds only the last value.
import sys


class Val:
    def __init__(self, n):
        self.n = n


def build():
    funcs = []
    vals = [Val(0), Val(1), Val(2)]
    for v in vals:
        funcs.append(lambda: v)
    print("cells shared:", funcs[0].__closure__[0] is funcs[2].__closure__[0])
    print("list slot, loop variable, argument [+ cell]:", [sys.getrefcount(x) for x in vals])
    return funcs, vals


funcs, vals = build()
print("late binding:", [f().n for f in funcs])
print("after return:", [sys.getrefcount(x) for x in vals])
bound = [(lambda v=v: v) for v in vals]
print("default binding:", [f().n for f in bound])
print("with defaults:", [sys.getrefcount(x) for x in vals])
