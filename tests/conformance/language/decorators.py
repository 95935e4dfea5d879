# Decorators: wrappers with functools.wraps, decorator factories, class decorators, stacking.
import functools


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print("called", fn.__name__, args, kwargs, "->", result)
        return result
    return wrapper


def repeat(times):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco


def register(cls):
    cls.registered = True
    return cls


@logged
def add(a, b=0):
    return a + b


@repeat(3)
@logged
def greet(name):
    return "hi " + name


@register
class Service:
    pass


print(add(1, b=2), add.__name__, add.__wrapped__.__name__)
print(greet("ann"))
print(Service.registered)
