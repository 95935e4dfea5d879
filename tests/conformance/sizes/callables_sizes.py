# Sizes of functions, lambdas, methods and method wrappers.
import functools
import sys


def f():
    pass


def g(a, b=1, *args, **kw):
    return a


class K:
    def m(self):
        pass


print("def:", sys.getsizeof(f), "with args:", sys.getsizeof(g), "lambda:", sys.getsizeof(lambda: 0))
print("bound method:", sys.getsizeof(K().m))
print("staticmethod, classmethod:", sys.getsizeof(staticmethod(f)), sys.getsizeof(classmethod(f)))
print("property:", sys.getsizeof(property()))
print("partial:", sys.getsizeof(functools.partial(print)))
print("builtin function len:", sys.getsizeof(len))


def outer():
    x = 1

    def inner():
        return x
    return inner


c = outer()
print("closure function:", sys.getsizeof(c), "cell:", sys.getsizeof(c.__closure__[0]))
print("closure tuple:", sys.getsizeof(c.__closure__))
