# A zero generation-0 threshold disables automatic collection even while gc is enabled.
import gc

log = []


def cb(phase, info):
    if phase == "stop":
        log.append(info["generation"])


class Cyclic:
    def __init__(self):
        self.me = self


gc.callbacks.append(cb)
gc.set_threshold(0)
gc.collect()
log.clear()
print("enabled:", gc.isenabled())
for _ in range(2000):
    Cyclic()
print("automatic collections with threshold 0:", len(log))
gc.set_threshold(300)
for _ in range(10):
    Cyclic()
print("next allocations trigger one:", log)
print("it ran before the ten new cycles existed; explicit collect finds:", gc.collect())
gc.callbacks.remove(cb)
gc.set_threshold(700)
