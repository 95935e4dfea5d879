# Operator overloading: arithmetic, reflected ops, comparisons, __bool__, __len__, __contains__.
import functools


@functools.total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)

    __radd__ = __add__

    def __mul__(self, k):
        return Money(self.cents * k)

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __hash__(self):
        return hash(self.cents)

    def __bool__(self):
        return self.cents != 0

    def __repr__(self):
        return "Money(%d)" % self.cents


a, b = Money(150), Money(75)
print(a + b, a * 2, 5 + a, sum([a, b, Money(1)]))
print(a > b, a <= b, a == Money(150), a != b)
print(bool(Money(0)), bool(a), sorted([a, b, Money(100)]))
print(len({a, Money(150), b}))
try:
    a + "x"
except AttributeError as e:
    print("AttributeError:", e)
