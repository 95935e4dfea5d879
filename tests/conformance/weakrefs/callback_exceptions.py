# An exception in a weakref callback is reported as unraisable; later callbacks still run.
import weakref


class Callback:
    def __init__(self, name, fail):
        self.name = name
        self.fail = fail

    def __call__(self, ref):
        print("callback", self.name)
        if self.fail:
            raise ValueError("callback %s failed" % self.name)

    def __repr__(self):
        return "<Callback %s>" % self.name


class Obj:
    pass


o = Obj()
r1 = weakref.ref(o, Callback("first", False))
r2 = weakref.ref(o, Callback("second", True))
r3 = weakref.ref(o, Callback("third", False))
del o
print("execution continues")
