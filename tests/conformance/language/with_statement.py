# with-statements: __enter__/__exit__ order, exception info, suppression and contextlib helpers.
import contextlib


class Tracer:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, tb is not None)
        return self.suppress


with Tracer("a") as A, Tracer("b") as B:
    print("body", A, B)
with Tracer("outer", suppress=True):
    with Tracer("inner"):
        raise KeyError("x")
print("suppressed")
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("contextlib.suppress worked")
with contextlib.nullcontext(5) as n:
    print("nullcontext gives", n)
