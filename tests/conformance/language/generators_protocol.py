# Generators: send, throw, close, return values and yield from.
def accumulator():
    total = 0
    while True:
        try:
            value = yield total
        except ValueError:
            total = 0
            continue
        if value is None:
            return total
        total += value


acc = accumulator()
print(next(acc), acc.send(5), acc.send(10))
print(acc.throw(ValueError), acc.send(3))
try:
    acc.send(None)
except StopIteration as e:
    print("returned", e.value)


def inner():
    yield 1
    yield 2
    return "inner done"


def outer():
    result = yield from inner()
    yield result


print(list(outer()))
gen = (x * x for x in range(4))
print(next(gen), list(gen), list(gen))
