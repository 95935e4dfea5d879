# obj.__weakref__ is None until a weakref exists, then it is the first weakref in the list.
import weakref


class Plain:
    pass


class Slotted:
    __slots__ = ("x", "__weakref__")


for cls in (Plain, Slotted):
    o = cls()
    print(cls.__name__, "before:", o.__weakref__)
    withcb = weakref.ref(o, lambda r: None)
    print(cls.__name__, "first weakref (callback ref):", o.__weakref__ is withcb)
    plain = weakref.ref(o)
    print(cls.__name__, "plain ref goes to the front:", o.__weakref__ is plain)
try:
    Slotted().__weakref__ = None
except AttributeError as e:
    print("AttributeError:", e)
print("descriptor:", type(Plain.__dict__["__weakref__"]).__name__)
