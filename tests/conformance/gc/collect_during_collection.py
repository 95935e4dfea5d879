# gc.collect() called while a collection is running returns 0 and does nothing.
import gc

gc.disable()
gc.collect()
results = []


class Nested:
    def __init__(self):
        self.me = self

    def __del__(self):
        results.append(("collect inside __del__", gc.collect()))


def cb(phase, info):
    if phase == "start":
        results.append(("collect inside callback", gc.collect()))


Nested()
print("outer collect:", gc.collect())
gc.callbacks.append(cb)
L = []
L.append(L)
del L
print("outer collect with callback:", gc.collect())
gc.callbacks.remove(cb)
for r in results:
    print(r)
