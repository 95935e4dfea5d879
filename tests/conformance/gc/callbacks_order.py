# Several callbacks run in list order for both phases; a failing one is reported and skipped.
import gc
import sys

gc.disable()
gc.collect()


def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, "from", u.object.__name__)


sys.unraisablehook = hook


def first(phase, info):
    print("first", phase)


def broken(phase, info):
    raise RuntimeError("callback failed in " + phase)


def last(phase, info):
    print("last", phase, info["collected"])


gc.callbacks.extend([first, broken, last])
L = []
L.append(L)
del L
print("collect returns:", gc.collect())
gc.callbacks.remove(broken)
print("collect returns:", gc.collect())
gc.callbacks.clear()
