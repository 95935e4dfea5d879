# sys.getsizeof of ints: 24 bytes plus 4 per 30-bit digit (at least one); bool is the same.
import sys

values = [("0", 0), ("1", 1), ("-1", -1), ("255", 255), ("2**30-1", 2 ** 30 - 1),
          ("2**30", 2 ** 30), ("-(2**30)", -(2 ** 30)), ("2**60-1", 2 ** 60 - 1),
          ("2**60", 2 ** 60), ("2**90", 2 ** 90), ("10**100", 10 ** 100),
          ("-(10**100)", -(10 ** 100)), ("True", True), ("False", False)]
for name, v in values:
    print(name.rjust(10), sys.getsizeof(v))
print("int('1000') vs 1000:", sys.getsizeof(int("1000")), sys.getsizeof(1000))
for bits in range(0, 301, 30):
    n = 1 << bits
    print("2**%d:" % bits, sys.getsizeof(n), "2**%d-1:" % bits, sys.getsizeof(n - 1))
