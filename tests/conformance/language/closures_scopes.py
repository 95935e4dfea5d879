# Closures, nonlocal and global, and late binding.
counter_total = 0


def make_counter(start):
    count = start

    def inc(step=1):
        nonlocal count
        global counter_total
        count += step
        counter_total += step
        return count
    return inc


c1 = make_counter(10)
c2 = make_counter(100)
print(c1(), c1(5), c2(), counter_total)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])


def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner()
    return middle()


print(outer())
print(c1.__code__.co_freevars, make_counter.__code__.co_cellvars)
