# Class objects are large heap types; slots-only classes are smaller.
import sys


class E:
    pass


class WithSlot:
    __slots__ = ("a",)


class Child(E):
    pass


print("plain class:", sys.getsizeof(E))
print("class with __slots__:", sys.getsizeof(WithSlot))
print("subclass:", sys.getsizeof(Child))
print("builtin types:", sys.getsizeof(int), sys.getsizeof(type), sys.getsizeof(object))
print("basicsize/itemsize of type:", type.__basicsize__, type.__itemsize__)
print("instance of E:", sys.getsizeof(E()))
