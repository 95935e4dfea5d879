# With thresholds (25, 2, 100), every fourth automatic collection is of generation 1 (count[1] > 2).
import gc


class Cyclic:
    def __init__(self):
        self.me = self


log = []


def cb(phase, info):
    if phase == "stop":
        log.append((info["generation"], info["collected"]))


gc.callbacks.append(cb)
gc.set_threshold(25, 2, 100)
gc.collect()
log.clear()
for _ in range(300):
    Cyclic()
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print("generations:", [g for g, c in log])
print("collected per run:", [c for g, c in log])
print("total collected automatically:", sum(c for g, c in log))
