# Callback-less refs to one object are shared; refs with callbacks are always new.
import weakref


class Obj:
    pass


def cb(r):
    pass


o = Obj()
r1 = weakref.ref(o)
r2 = weakref.ref(o)
print("r1 is r2:", r1 is r2)
c1 = weakref.ref(o, cb)
c2 = weakref.ref(o, cb)
print("c1 is c2:", c1 is c2, "c1 is r1:", c1 is r1)
print("ref(o) is r1 after callback refs:", weakref.ref(o) is r1)
print("ref(o, None) is r1:", weakref.ref(o, None) is r1)


class MyRef(weakref.ref):
    pass


s1 = MyRef(o)
s2 = MyRef(o)
print("s1 is s2:", s1 is s2, "s1 is r1:", s1 is r1)
print("weakref count:", weakref.getweakrefcount(o))
del r1, r2
print("after dropping the shared ref:", weakref.getweakrefcount(o))
fresh = weakref.ref(o)
print("a new plain ref is first in the list:", weakref.getweakrefs(o)[0] is fresh)
