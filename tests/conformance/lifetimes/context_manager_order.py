# Nested with-blocks exit innermost first; __exit__ runs before the manager object dies.
class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.name == "swallow"

    def __del__(self):
        print("del", self.name)


with CM("outer"), CM("inner"):
    print("body")
print("after first with")
with CM("swallow"):
    with CM("inner2"):
        raise KeyError("k")
print("exception swallowed by outer manager")
with CM("named") as m:
    pass
print("named manager still bound")
del m
print("end")
