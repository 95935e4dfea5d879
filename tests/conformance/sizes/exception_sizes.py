# Exception objects are fixed-size regardless of message; tracebacks and frames add objects.
import sys

print("Exception():", sys.getsizeof(Exception()))
print("ValueError('x'):", sys.getsizeof(ValueError("x")))
print("long message:", sys.getsizeof(ValueError("x" * 1000)))
print("KeyError, OSError:", sys.getsizeof(KeyError("k")), sys.getsizeof(OSError(2, "no")))
print("StopIteration:", sys.getsizeof(StopIteration(1)))
print("SyntaxError:", sys.getsizeof(SyntaxError("bad")))
try:
    raise ValueError("tb")
except ValueError as e:
    print("traceback object:", sys.getsizeof(e.__traceback__))


class MyError(Exception):
    pass


print("subclass instance:", sys.getsizeof(MyError()))
