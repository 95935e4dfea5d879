# A `with` block keeps the context manager's __exit__ alive until the block ends.
import sys


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


cm = CM()
print("manager alone:", sys.getrefcount(cm))
with cm:
    print("inside with (bound __exit__ on the stack):", sys.getrefcount(cm))
print("after with:", sys.getrefcount(cm))
with cm as alias:
    print("inside with ... as alias:", sys.getrefcount(cm))
print("alias remains bound:", sys.getrefcount(cm))
del alias
with CM() as tmp:
    print("temporary manager:", sys.getrefcount(tmp))
print("after temporary block:", sys.getrefcount(tmp))
