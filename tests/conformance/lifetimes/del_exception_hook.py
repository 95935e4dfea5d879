# Exceptions raised in __del__ never propagate: they go to sys.unraisablehook and code continues.
import sys


def hook(unraisable):
    print("unraisable:", unraisable.exc_type.__name__, "-", unraisable.exc_value)
    print("  object:", unraisable.object.__qualname__, "err_msg:", unraisable.err_msg)
    print("  traceback line:", unraisable.exc_traceback.tb_lineno)


sys.unraisablehook = hook


class Broken:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("Broken.__del__", self.n)
        raise RuntimeError("cleanup failed %d" % self.n)


b = Broken(1)
del b
print("after del b")
items = [Broken(2), Broken(3)]
items.clear()
print("after clear")


def scope():
    local = Broken(4)
    return "returned"


print(scope())
print("end")
