# getweakrefcount/getweakrefs: plain ref first, then proxy, then callback refs newest first.
import weakref


class Obj:
    pass


def cb1(r):
    pass


def cb2(r):
    pass


o = Obj()
print("none yet:", weakref.getweakrefcount(o), weakref.getweakrefs(o))
c1 = weakref.ref(o, cb1)
px = weakref.proxy(o)
plain = weakref.ref(o)
c2 = weakref.ref(o, cb2)
names = {id(c1): "cb1", id(px): "proxy", id(plain): "plain", id(c2): "cb2"}
print("count:", weakref.getweakrefcount(o))
print("order:", [names[id(r)] for r in weakref.getweakrefs(o)])
del c1
print("after dropping cb1:", [names[id(r)] for r in weakref.getweakrefs(o)])
print("objects that cannot be weakly referenced:", weakref.getweakrefcount(5), weakref.getweakrefs(5))
del o
print("after death, the plain ref returns:", plain())
