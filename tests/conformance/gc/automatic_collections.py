# Automatic collections start when gen-0 allocations exceed threshold 0; callbacks show when.
import gc


class K:
    pass


events = []
objs = []


def cb(phase, info):
    if phase == "start":
        events.append((len(objs), info["generation"]))


gc.callbacks.append(cb)
gc.set_threshold(50, 3, 3)
gc.collect()
events.clear()
for i in range(1000):
    objs.append(K())
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print("automatic collections:", len(events))
for e in events:
    print(e)
