# An exception in __del__ during a collection goes to the unraisable hook; collection goes on.
import gc
import sys

gc.disable()
gc.collect()


def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, "in", u.object.__qualname__)


sys.unraisablehook = hook


class Bad:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        print("finalizing", self.n)
        raise KeyError(self.n)


Bad(1)
Bad(2)
print("collected:", gc.collect())
print("collect again:", gc.collect())
