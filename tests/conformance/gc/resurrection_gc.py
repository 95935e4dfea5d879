# A cycle resurrected by __del__ is not counted; the next collection frees it without __del__.
import gc

gc.disable()
gc.collect()
saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("__del__", self.name)
        saved.append(self)


Phoenix("one")
print("first collection:", gc.collect())
print("resurrected:", [p.name for p in saved], "finalized:", gc.is_finalized(saved[0]))
saved.clear()
print("second collection (no __del__):", gc.collect())
a, b = Phoenix("a"), Phoenix("b")
a.peer, b.peer = b, a
del a, b
print("pair, both resurrect:", gc.collect())
print("saved:", [p.name for p in saved])
saved.clear()
print("pair freed:", gc.collect())
