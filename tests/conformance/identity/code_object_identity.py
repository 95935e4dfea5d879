# Functions made from one def statement share their code object; each call makes a new function.
def make_adder(n):
    def add(x):
        return x + n
    return add


a1 = make_adder(1)
a2 = make_adder(2)
print("distinct functions:", a1 is not a2)
print("shared code object:", a1.__code__ is a2.__code__)
print("shared constants tuple:", a1.__code__.co_consts is a2.__code__.co_consts)
print("distinct closures:", a1.__closure__ is not a2.__closure__)
lambdas = [lambda: i for i in range(3)]
print("lambdas from one expression share code:", len({id(f.__code__) for f in lambdas}))
print("code is immutable; replace() makes a copy:", a1.__code__.replace() is a1.__code__)
print("globals dict is the module's:", a1.__globals__ is globals())
