# setattr interns attribute names; plain dict keys built at runtime are not interned.
import sys


class Obj:
    pass


o = Obj()
name = "".join(["qq", "rr"])
setattr(o, name, 1)
key = next(iter(vars(o)))
print("attribute key is the interned name:", key is sys.intern("qqrr"))
d = {}
runtime_key = "".join(["ss", "tt"])
d[runtime_key] = 1
k2 = next(iter(d))
print("dict key is the same object I stored:", k2 is runtime_key)
print("interning an equal string does not return the dict key:", sys.intern("".join(["ss", "tt"])) is runtime_key)


def kw(**kwargs):
    return next(iter(kwargs))


print("keyword names are interned:", kw(alpha=1) is sys.intern("".join(["al", "pha"])))
print("getattr with a runtime name works:", getattr(o, "".join(["qq", "rr"])))
