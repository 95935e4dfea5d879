# Inside a method, self is a frame reference; calls through the instance add the caller's.
import sys


class Widget:
    def count(self):
        return sys.getrefcount(self)

    def chain(self):
        return self.count()

    @classmethod
    def make_and_count(cls):
        w = cls()
        return w.count()


w = Widget()
print("module name:", sys.getrefcount(w))
print("inside method:", w.count())
print("through another method:", w.chain())
print("unbound call:", Widget.count(w))
print("temporary instance:", Widget().count())
print("local in classmethod:", Widget.make_and_count())
