# Objects released by a dying list die last-index first, so their callbacks fire in that order.
import weakref


class Obj:
    def __init__(self, n):
        self.n = n


objs = [Obj(i) for i in range(4)]
refs = [weakref.ref(o, lambda r, n=o.n: print("callback", n)) for o in objs]
print("del objs")
del objs
d = {"x": Obj("x"), "y": Obj("y")}
drefs = [weakref.ref(v, lambda r, k=k: print("callback", k)) for k, v in d.items()]
print("del d")
del d
print("end")
