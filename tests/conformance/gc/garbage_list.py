# gc.garbage is an ordinary list owned by the gc module; it is empty normally.
import gc

gc.disable()
print("type and length:", type(gc.garbage).__name__, len(gc.garbage))


class Finalized:
    def __init__(self):
        self.me = self

    def __del__(self):
        print("__del__ runs; object still collectable")


Finalized()
print("collected:", gc.collect(), "garbage:", gc.garbage)
gc.garbage.append("anything")
print("user entries stay:", gc.garbage)
print("collect leaves them:", gc.collect(), gc.garbage)
gc.garbage.clear()
print("cleared:", gc.garbage)
