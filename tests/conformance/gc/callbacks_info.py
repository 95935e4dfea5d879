# gc.callbacks are called with ("start"/"stop", info) around every collection.
import gc

gc.disable()
gc.collect()
log = []


def cb(phase, info):
    log.append((phase, info["generation"], info["collected"], info["uncollectable"]))


gc.callbacks.append(cb)
L = []
L.append(L)
del L
gc.collect()
gc.collect(1)
a = [[]]
a[0].append(a)
del a
gc.collect(0)
gc.callbacks.remove(cb)
gc.collect()
for entry in log:
    print(entry)


def keys_cb(phase, info):
    print(phase, sorted(info))


gc.callbacks.append(keys_cb)
gc.collect()
gc.callbacks.clear()
print("callbacks list type:", type(gc.callbacks).__name__, len(gc.callbacks))
