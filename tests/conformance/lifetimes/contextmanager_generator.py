# A @contextmanager generator's finally runs at block exit, even when the block raises.
import contextlib


class Handle:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del handle", self.name)


@contextlib.contextmanager
def opened(name):
    h = Handle(name)
    print("open", name)
    try:
        yield h
    finally:
        print("close", name)


with opened("one") as h:
    print("using", h.name)
del h
print("---")
try:
    with opened("two") as h2:
        raise ValueError("inside")
except ValueError as e:
    print("caught", e)
print("h2 still bound:", h2.name)
del h2
print("end")
