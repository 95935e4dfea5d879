# Sizes of big ints produced by arithmetic follow the number of 30-bit digits of the result.
import sys

a = 2 ** 100
print("a:", sys.getsizeof(a))
print("a*a:", sys.getsizeof(a * a))
print("a+1:", sys.getsizeof(a + 1), "a-a:", sys.getsizeof(a - a))
print("-a:", sys.getsizeof(-a), "abs(-a):", sys.getsizeof(abs(-a)))
print("a >> 90:", sys.getsizeof(a >> 90), "a << 100:", sys.getsizeof(a << 100))
print("a // 2**99:", sys.getsizeof(a // 2 ** 99))
print("factorial-ish:", [sys.getsizeof(v) for v in (1, 120, 3628800, 2432902008176640000)])
x = 1
sizes = []
for _ in range(8):
    x *= 10 ** 9
    sizes.append(sys.getsizeof(x))
print("powers of 10**9:", sizes)
print("int from string:", sys.getsizeof(int("9" * 50)))
