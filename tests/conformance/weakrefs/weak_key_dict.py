# WeakKeyDictionary entries disappear when their keys die; equal keys share one entry.
import weakref


class K:
    def __init__(self, name):
        self.name = name


meta = weakref.WeakKeyDictionary()
k1, k2 = K("one"), K("two")
meta[k1] = "data one"
meta[k2] = ["data two"]
print("len:", len(meta), sorted(k.name for k in meta))
del k1
print("after del k1:", len(meta), [k.name for k in meta.keys()])
print("lookup:", meta[k2], k2 in meta)
try:
    meta[3] = "x"
except TypeError as e:
    print("TypeError:", e)
keys = list(meta.keys())
del k2
print("a strong list of keys keeps them:", len(meta))
del keys
print("list dropped:", len(meta))
