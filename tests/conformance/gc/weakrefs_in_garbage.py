# A weakref that is itself part of the garbage is cleared and its callback never runs.
import gc
import weakref

gc.disable()
gc.collect()


class Obj:
    pass


def cb(r):
    print("callback called")


o = Obj()
o.self = o
o.wr = weakref.ref(o, cb)
del o
print("instance + weakref in the same garbage:", gc.collect())
p = Obj()
p.self = p
outside = weakref.ref(p, cb)
del p
print("weakref held from outside:", gc.collect())
print("outside ref is dead:", outside() is None)
q = Obj()
q.self = q
q.wr = weakref.ref(q, lambda r: print("lambda callback"))
del q
print("weakref with a lambda callback inside the garbage:", gc.collect())
