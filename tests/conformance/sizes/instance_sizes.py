# Plain instances are 56 bytes whatever their attributes; slotted ones 32 + 8 per slot.
import sys


class Empty:
    pass


class Many:
    def __init__(self):
        for i in range(20):
            setattr(self, "a%d" % i, i)


class S0:
    __slots__ = ()


class S1:
    __slots__ = ("a",)


class S3:
    __slots__ = ("a", "b", "c")


class SW:
    __slots__ = ("a", "__weakref__")


class SD:
    __slots__ = ("a", "__dict__")


class SWD:
    __slots__ = ("__dict__", "__weakref__")


for cls in (Empty, Many, S0, S1, S3, SW, SD, SWD):
    o = cls()
    print(cls.__name__.ljust(6), "getsizeof:", sys.getsizeof(o), "__sizeof__:", o.__sizeof__(),
          "basicsize:", cls.__basicsize__)
