# Weakrefs to functions die on del; weakrefs to classes need gc because classes are cyclic.
import gc
import weakref

gc.disable()


def f():
    return 1


rf = weakref.ref(f, lambda r: print("function ref callback"))
del f
print("function ref after del:", rf())


class C:
    pass


rc = weakref.ref(C, lambda r: print("class ref callback"))
del C
print("class ref after del:", rc() is not None)
gc.collect()
print("class ref after collect:", rc())
g = lambda: 2
rg = weakref.ref(g)
holder = [g]
del g
print("lambda kept by a list:", rg() is holder[0])
holder.clear()
print("after clear:", rg())
