# When an exception escapes a generator, its locals live on in the traceback until the handler ends.
class Local:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def gen():
    held = Local("generator local")
    yield 1
    raise KeyError("boom")


g = gen()
print(next(g))
try:
    next(g)
except KeyError:
    print("in handler: the traceback still holds the generator frame")
print("generator finished:", g.gi_frame is None)
del g


def gen2():
    held = Local("returned-from local")
    yield 1
    return "value"


g2 = gen2()
next(g2)
try:
    next(g2)
except StopIteration as stop:
    print("StopIteration value:", stop.value)
print("end")
