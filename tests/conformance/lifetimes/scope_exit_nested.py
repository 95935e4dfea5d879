# Locals of each frame die when that frame returns, innermost frame first.
class Tag:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def inner():
    t = Tag("inner local")
    print("inner returns")


def middle():
    t = Tag("middle local")
    inner()
    print("middle continues after inner")


def outer():
    t = Tag("outer local")
    middle()
    print("outer continues after middle")


outer()
print("all returned")


def raises():
    t = Tag("local of raising frame")
    raise ValueError("x")


try:
    raises()
except ValueError:
    print("handler: frame kept alive by the traceback")
print("after handler")
