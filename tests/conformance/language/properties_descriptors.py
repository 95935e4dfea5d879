# Properties, a custom descriptor, __getattr__ and __setattr__ hooks.
class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError("%s must be positive" % self.name[1:])
        setattr(obj, self.name, value)


class Box:
    width = Positive()

    def __init__(self, width):
        self.width = width

    @property
    def area(self):
        return self.width ** 2

    def __getattr__(self, name):
        return "missing:" + name


b = Box(3)
print(b.width, b.area, b.colour)
try:
    b.width = -1
except ValueError as e:
    print("ValueError:", e)
try:
    b.area = 4
except AttributeError as e:
    print("AttributeError:", e)
print(type(Box.width).__name__, Box.area.fget.__name__)
