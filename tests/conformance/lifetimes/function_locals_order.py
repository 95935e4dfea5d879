# At function return, locals are released in slot order (parameters first); the result survives.
class Tag:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def work(p1, p2):
    first = Tag("local first")
    second = Tag("local second")
    result = Tag("result")
    print("returning from work")
    return result


out = work(Tag("param p1"), Tag("param p2"))
print("work returned", out.name)
del out
print("---")


def early_unbind():
    a = Tag("a")
    b = Tag("b")
    del a
    print("a deleted explicitly")
    c = Tag("c")
    return None


early_unbind()
print("done")
