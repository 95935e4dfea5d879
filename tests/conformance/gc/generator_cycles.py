# Generators referring to themselves or each other: finalizing them breaks the cycles (counted 0).
import gc

gc.disable()
gc.collect()


def ping():
    partner = yield
    while True:
        yield partner


a = ping()
b = ping()
next(a)
next(b)
a.send(b)
b.send(a)
del a, b
print("two suspended generators (closing breaks the cycle):", gc.collect())


def unstarted(x):
    yield x


holder = []
g = unstarted(holder)
holder.append(g)
del holder, g
print("unstarted generator in a cycle:", gc.collect())
