# A weakref's callback (and what it references) is released as soon as the callback has run.
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make_cb(payload):
    def cb(ref):
        print("callback sees payload", payload.name)
    return cb


target = Obj("target")
r = weakref.ref(target, make_cb(Obj("payload")))
print("deleting target")
del target
print("callback done; ref.__callback__ is now:", r.__callback__)
print("deleting ref")
del r
print("end")
