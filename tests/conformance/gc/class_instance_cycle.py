# A class attribute holding an instance of the class ties instance and class into one cycle.
import gc
import weakref

gc.disable()
gc.collect()


def make():
    class Singleton:
        pass
    Singleton.instance = Singleton()
    return weakref.ref(Singleton), weakref.ref(Singleton.instance)


cls_ref, inst_ref = make()
print("alive before collect:", cls_ref() is not None, inst_ref() is not None)
print("collected:", gc.collect())
print("alive after collect:", cls_ref() is not None, inst_ref() is not None)


def make_plain():
    class Plain:
        pass
    return weakref.ref(Plain)


r = make_plain()
print("a class alone:", gc.collect(), r() is None)
