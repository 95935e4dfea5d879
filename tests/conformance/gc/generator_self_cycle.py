# A suspended generator that holds itself is freed by gc, but closing it breaks the cycle first.
import gc
import weakref

gc.disable()
gc.collect()


def holder():
    me = yield
    try:
        yield "holding"
    finally:
        print("finally runs during collection")


g = holder()
next(g)
g.send(g)
alive = weakref.ref(g)
del g
print("alive before collect:", alive() is not None)
print("collected count:", gc.collect())
print("alive after collect:", alive() is not None)


def plain():
    me = yield
    yield 1


p = plain()
next(p)
p.send(p)
p.close()
print("closed generator no longer in a cycle:", p.gi_frame is None)
del p
print("collect after close:", gc.collect())
