# Refs and proxies with callbacks share one list: all callbacks run newest first at death.
import weakref


class Obj:
    pass


o = Obj()
r1 = weakref.ref(o, lambda r: print("ref 1 callback"))
p1 = weakref.proxy(o, lambda p: print("proxy 1 callback"))
plain = weakref.ref(o)
plain_proxy = weakref.proxy(o)
r2 = weakref.ref(o, lambda r: print("ref 2 callback"))
p2 = weakref.proxy(o, lambda p: print("proxy 2 callback"))
print("weakref count:", weakref.getweakrefcount(o))
print("callback-less proxy is reused:", weakref.proxy(o) is plain_proxy)
del o
print("plain ref and proxy cleared:", plain(), end=" ")
try:
    plain_proxy.x
except ReferenceError:
    print("proxy raises ReferenceError")
