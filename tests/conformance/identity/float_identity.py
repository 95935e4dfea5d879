# Floats are never cached (except merged constants); nan is not equal to itself but `is` works.
nan = float("nan")
print("nan == nan:", nan == nan, "nan is nan:", nan is nan)
print("float('nan') is float('nan'):", float("nan") is float("nan"))
print("in a list (identity first):", nan in [nan], float("nan") in [nan])


def consts():
    return 1.0, 1.0


a, b = consts()
print("merged constants:", a is b)
x = 0.25
print("computed equal floats:", (x * 4) is (x * 4))
print("float(f) is f:", float(a) is a)
print("int-valued float from int():", float(1) is float(1))
print("0.0 and -0.0 equal, distinct:", 0.0 == -0.0, (x - x) is (-(x - x)))
