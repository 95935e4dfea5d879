# The default unraisable hook prints "Exception ignored in" and the traceback to stderr.
class Finalizer:
    def __call__(self):
        print("finalizer running")
        raise RuntimeError("cleanup failed")

    def __repr__(self):
        return "<Finalizer>"


class Resource:
    __del__ = Finalizer()


r = Resource()
print("deleting")
del r
print("execution continues")
rs = [Resource(), Resource()]
del rs
print("end")
