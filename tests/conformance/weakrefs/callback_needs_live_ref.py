# A callback runs only if its weakref object is still alive when the referent dies.
import weakref


class Obj:
    pass


def cb(r):
    print("callback ran")


o = Obj()
weakref.ref(o, cb)
print("ref discarded immediately")
kept = weakref.ref(o, cb)
del o
print("---")
p = Obj()
r = weakref.ref(p, cb)
del r
del p
print("ref deleted before the referent: no callback")
q = Obj()
holder = [weakref.ref(q, lambda ref: print("lambda callback, holder size:", len(holder)))]
del q
print("end")
