# generator.close() raises GeneratorExit inside it; except/finally blocks observe it.
def gen():
    try:
        yield "a"
        yield "b"
    except GeneratorExit:
        print("caught GeneratorExit")
        raise
    finally:
        print("finally")


g = gen()
print(next(g))
print("close returns:", g.close())
print("close again returns:", g.close())
print("next after close:", next(g, "exhausted"))


def swallow():
    try:
        yield 1
    except GeneratorExit:
        return "ignored"


s = swallow()
next(s)
print("returning from GeneratorExit handler is fine:", s.close())


def stubborn():
    try:
        yield 1
    finally:
        yield 2


st = stubborn()
next(st)
try:
    st.close()
except RuntimeError as e:
    print("RuntimeError:", e)
