# gc.disable() stops automatic collection but not gc.collect(); isenabled reports the state.
import gc

print("enabled at start:", gc.isenabled())
gc.disable()
print("after disable:", gc.isenabled())


class Cyclic:
    def __init__(self):
        self.me = self


gc.collect()
for _ in range(3000):
    Cyclic()
print("count grows past threshold while disabled:", gc.get_count()[0] > 700)
print("manual collect still works:", gc.collect())
gc.enable()
gc.enable()
print("enabled twice:", gc.isenabled())
gc.collect()
gc.set_threshold(100)
for _ in range(150):
    Cyclic()
print("automatic collection happened:", gc.get_count()[0] < 150)
gc.set_threshold(700)
