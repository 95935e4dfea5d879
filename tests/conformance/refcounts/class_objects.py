# Instances, subclasses and stored references change a class object's refcount by one each.
import sys


class Base:
    pass


start = sys.getrefcount(Base)
objs = [Base() for _ in range(4)]
print("four instances:", sys.getrefcount(Base) - start)
del objs
print("instances gone:", sys.getrefcount(Base) - start)
alias = Base
print("alias:", sys.getrefcount(Base) - start)
del alias


class Child(Base):
    pass


print("subclass (bases, mro, base slot):", sys.getrefcount(Base) - start)
c = Child()
print("instance of the subclass:", sys.getrefcount(Base) - start)
kinds = {"base": Base}
print("stored in a dict:", sys.getrefcount(Base) - start)
print("type(x) returns the class:", type(Base()) is Base, sys.getrefcount(Base) - start)
