# type(), __class__, __mro__ and __base__ return the class objects themselves.
class Base:
    pass


class Child(Base):
    pass


c = Child()
print("type(c) is Child:", type(c) is Child, "c.__class__ is Child:", c.__class__ is Child)
print("type(Child) is type:", type(Child) is type, "type(type) is type:", type(type) is type)
print("__mro__:", Child.__mro__[0] is Child, Child.__mro__[1] is Base, Child.__mro__[2] is object)
print("__base__ and __bases__:", Child.__base__ is Base, Child.__bases__[0] is Base)
print("subclass registry:", Base.__subclasses__()[0] is Child)
c.__class__ = Base
print("after __class__ assignment:", type(c) is Base)
print("new type() class is distinct:", type("Base", (), {}) is Base)
