# Resurrecting one object of a cycle keeps everything reachable from it alive too.
import gc

gc.disable()
gc.collect()
rescued = []


class Saver:
    def __del__(self):
        print("Saver.__del__ rescues its partner")
        rescued.append(self.partner)


class Plain:
    def __del__(self):
        print("Plain.__del__")


s, p = Saver(), Plain()
s.partner, p.partner = p, s
s.extra = [1, 2, 3]
del s, p
print("collected:", gc.collect())
print("partner alive:", type(rescued[0]).__name__, "extra:", rescued[0].partner.extra)
print("both finalized:", gc.is_finalized(rescued[0]), gc.is_finalized(rescued[0].partner))
rescued.clear()
print("freed without finalizers:", gc.collect())
