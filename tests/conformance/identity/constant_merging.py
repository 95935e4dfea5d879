# Equal constants in one compilation unit are merged; separate eval/compile calls are not.
a = 257
b = 257
print("same line-level constants:", a is b)


def one():
    return 1000


def two():
    return 1000


print("constant from two functions:", one() is two())
print("eval separately:", eval("1000") is eval("1000"))
t1 = (1, 2, 3)
t2 = (1, 2, 3)
print("tuple literals merged:", t1 is t2)
print("tuples from eval:", eval("(1, 2)") is eval("(1, 2)"))
f1 = 1.5
f2 = 1.5
print("float constants merged:", f1 is f2)
print("float from arithmetic:", (f1 + 0.0) is f1)
code = compile("x = 12345\ny = 12345", "<unit>", "exec")
ns = {}
exec(code, ns)
print("one compile() unit:", ns["x"] is ns["y"])
