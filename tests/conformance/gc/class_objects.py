# A class object is always in a cycle (its __mro__ and descriptors refer back to it).
import gc
import weakref

gc.disable()
gc.collect()


class Plain:
    pass


r = weakref.ref(Plain)
del Plain
print("class alive after del:", r() is not None)
print("collect plain class:", gc.collect())
print("class gone:", r() is None)


class Slotted:
    __slots__ = ("a",)


del Slotted
print("collect slotted class:", gc.collect())


class WithMethods:
    def m(self):
        pass

    def n(self):
        pass


del WithMethods
print("collect class with two methods:", gc.collect())


class Base:
    pass


class Derived(Base):
    pass


del Derived
print("collect a subclass only:", gc.collect())
