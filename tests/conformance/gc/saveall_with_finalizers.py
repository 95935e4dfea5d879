# DEBUG_SAVEALL still runs __del__ (finalizers run before garbage is saved).
import gc

gc.disable()
gc.collect()


class F:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        print("__del__", self.n)


gc.set_debug(gc.DEBUG_SAVEALL)
F(1)
F(2)
print("collected:", gc.collect())
print("saved:", [type(x).__name__ for x in gc.garbage], [x.n for x in gc.garbage])
gc.set_debug(0)
gc.garbage.clear()
print("freed, no second __del__:", gc.collect())
