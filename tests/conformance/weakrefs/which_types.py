# Which objects accept weak references, and the TypeError message for those that do not.
import weakref


class Plain:
    def m(self):
        pass


class Slots:
    __slots__ = ("a",)


class SlotsWeak:
    __slots__ = ("a", "__weakref__")


class MyList(list):
    pass


class MyInt(int):
    pass


class MyTuple(tuple):
    pass


def func():
    pass


candidates = [
    ("int", 1), ("str", "s"), ("tuple", (1,)), ("list", []), ("dict", {}),
    ("bytes", b""), ("float", 1.0), ("None", None), ("object()", object()),
    ("bytearray", bytearray()), ("set", set()), ("frozenset", frozenset()),
    ("function", func), ("lambda", lambda: 0), ("class", Plain), ("int type", int),
    ("instance", Plain()), ("slots instance", Slots()), ("slots + __weakref__", SlotsWeak()),
    ("list subclass", MyList()), ("int subclass", MyInt(1)), ("tuple subclass", MyTuple()),
    ("module", weakref), ("builtin function", len), ("bound method", Plain().m), ("method-wrapper", Plain().__init__),
    ("generator", (x for x in ())), ("memoryview", memoryview(b"x")),
]
for name, obj in candidates:
    try:
        weakref.ref(obj)
        print(name.ljust(20), "ok")
    except TypeError as e:
        print(name.ljust(20), "TypeError:", e)
