# contextlib.ExitStack runs callbacks last-in first-out and releases them afterwards.
import contextlib


class Token:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del token", self.n)


def report(token):
    print("callback for", token.n)


with contextlib.ExitStack() as stack:
    for i in range(3):
        stack.callback(report, Token(i))
    print("leaving the block")
print("after block")


@contextlib.contextmanager
def managed(name):
    print("setup", name)
    try:
        yield name
    finally:
        print("teardown", name)


with contextlib.ExitStack() as stack:
    a = stack.enter_context(managed("a"))
    b = stack.enter_context(managed("b"))
    print("using", a, b)
print("end")
