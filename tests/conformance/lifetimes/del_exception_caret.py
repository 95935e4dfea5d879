# The unraisable traceback shows 3.11 carets when the failing expression is part of a line.
class Finalizer:
    def __call__(self):
        values = {"a": 1}
        return values["a"] + values["missing"]

    def __repr__(self):
        return "<Finalizer with KeyError>"


class Divider:
    def __call__(self):
        total = 10
        return total / (total - 10)

    def __repr__(self):
        return "<Divider>"


class A:
    __del__ = Finalizer()


class B:
    __del__ = Divider()


A()
print("after A")
B()
print("after B")
