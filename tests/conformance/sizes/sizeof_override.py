# getsizeof calls __sizeof__ and adds the GC head; bad __sizeof__ results raise errors.
import sys


class Custom:
    def __sizeof__(self):
        return 1000


class CustomSlots:
    __slots__ = ()

    def __sizeof__(self):
        return 10


class Negative:
    def __sizeof__(self):
        return -1


class NotInt:
    def __sizeof__(self):
        return "big"


class Boom:
    def __sizeof__(self):
        raise RuntimeError("no size")


print("custom (managed dict class):", sys.getsizeof(Custom()))
print("custom slots class:", sys.getsizeof(CustomSlots()))
for cls in (Negative, NotInt, Boom):
    try:
        sys.getsizeof(cls())
    except Exception as e:
        print(cls.__name__, type(e).__name__ + ":", e)
print("default used only on TypeError:", sys.getsizeof(NotInt(), 42))
try:
    sys.getsizeof(Boom(), 42)
except RuntimeError as e:
    print("RuntimeError still raised:", e)


class BigList(list):
    def __sizeof__(self):
        return super().__sizeof__() + 100


print("extended list subclass:", sys.getsizeof(BigList()), "plain list subclass would be 80")
