# Several finalizers on one object run newest first; a finalizer with args keeps them alive.
import weakref


class Res:
    pass


class Arg:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("arg", self.n, "released")


r = Res()
weakref.finalize(r, print, "finalizer A")
weakref.finalize(r, print, "finalizer B")
weakref.finalize(r, lambda a: print("finalizer C with arg", a.n), Arg(1))
print("deleting r")
del r
print("end")
