# Many str/bytes/tuple operations return the object itself when nothing would change.
s = "".join(["hel", "lo"])
checks = [
    ("replace without match", s.replace("z", "y")), ("strip", s.strip()), ("center(3)", s.center(3)),
    ("ljust(2)", s.ljust(2)), ("zfill(2)", s.zfill(2)), ("expandtabs", s.expandtabs()),
    ("format(s)", format(s)), ("f-string", f"{s}"), ("''.join([s])", "".join([s])), ("s * 1", s * 1),
    ("removeprefix", s.removeprefix("x")), ("split()[0]", s.split()[0]), ("partition()[0]", s.partition("z")[0]),
    ("lower()", s.lower()), ("title()", s.title()),
]
for name, result in checks:
    print(name.ljust(22), result is s)
b = bytes(b"hello")
print("bytes replace/strip/*1:", b.replace(b"z", b"y") is b, b.strip() is b, (b * 1) is b)
t = tuple([1, 2])
print("tuple *1 and + ():", (t * 1) is t, (t + ()) is t)
print("str(5) twice:", str(5) is str(5))
