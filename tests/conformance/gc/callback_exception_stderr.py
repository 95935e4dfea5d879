# A failing gc callback is reported on stderr by the default unraisable hook; gc carries on.
import gc

gc.disable()
gc.collect()


class BadCallback:
    def __call__(self, phase, info):
        if phase == "stop":
            raise RuntimeError("callback failed after collecting %d" % info["collected"])

    def __repr__(self):
        return "<BadCallback>"


gc.callbacks.append(BadCallback())
L = []
L.append(L)
del L
print("collect returns:", gc.collect())
gc.callbacks.clear()
print("no callbacks now:", gc.collect())
