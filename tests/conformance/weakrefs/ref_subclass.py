# weakref.ref can be subclassed to carry extra data; the callback receives the subclass instance.
import weakref


class KeyedRef(weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, obj, callback, key):
        self = super().__new__(cls, obj, callback)
        self.key = key
        return self

    def __init__(self, obj, callback, key):
        super().__init__(obj, callback)


class Obj:
    pass


removed = []
o = Obj()
r = KeyedRef(o, lambda ref: removed.append(ref.key), "my-key")
print("type:", type(r).__name__, "key:", r.key, "alive:", r() is o)
print("isinstance of ref:", isinstance(r, weakref.ref))
print("counted:", weakref.getweakrefcount(o))
del o
print("removed keys:", removed)


class Tagged(weakref.ref):
    pass


t = Obj()
tr = Tagged(t)
tr.tag = "has a __dict__"
print("subclass instance dict:", tr.tag)
