# Functions form cycles through their __dict__, closures (cells) and defaults.
import gc

gc.disable()
gc.collect()


def make_attr_cycle():
    def f():
        pass
    f.me = f


make_attr_cycle()
print("function attribute cycle (function + __dict__):", gc.collect())


def make_closure_cycle():
    def inner():
        return inner
    return inner


make_closure_cycle()
print("closure referring to itself (function, closure tuple, cell):", gc.collect())


def make_default_cycle():
    box = []

    def g(b=box):
        return b
    box.append(g)


make_default_cycle()
print("default argument cycle (function, defaults tuple, list):", gc.collect())


def make_mutual():
    def even(n):
        return n == 0 or odd(n - 1)

    def odd(n):
        return n != 0 and even(n - 1)
    return even(4)


print("mutual recursion result:", make_mutual())
print("two closures sharing cells:", gc.collect())
