# Ints from -5 to 256 are cached: equal values in that range are the same object.
def same(a, b):
    return a is b


print("int('256') twice:", same(int("256"), int("256")))
print("int('257') twice:", same(int("257"), int("257")))
print("int('-5') twice:", same(int("-5"), int("-5")))
print("int('-6') twice:", same(int("-6"), int("-6")))
x = 250
print("computed 256:", same(x + 6, int("256")))
print("computed 257:", same(x + 7, x + 7))
print("range values:", all(same(i, int(str(i))) for i in range(-5, 257)))
print("just outside:", [same(i, int(str(i))) for i in (-7, -6, 257, 258)])
print("bool is not the cached 1:", same(True, 1), same(int(True), 1))
print("0 from different paths:", same(0, x - x), same(0, int("0")), same(0, len("")))
print("list repetition shares one object:", same(*[int("1000")] * 2))
