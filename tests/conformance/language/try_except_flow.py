# try/except/else/finally ordering, re-raise, and finally overriding return.
def flow(fail):
    steps = []
    try:
        steps.append("try")
        if fail:
            raise ValueError("bad")
    except ValueError as e:
        steps.append("except " + str(e))
    else:
        steps.append("else")
    finally:
        steps.append("finally")
    return steps


print(flow(False))
print(flow(True))


def override():
    try:
        return "from try"
    finally:
        return "from finally"


print(override())


def reraise():
    try:
        try:
            raise KeyError("k")
        except KeyError:
            raise
    except KeyError as e:
        return "re-raised " + repr(e)


print(reraise())
try:
    raise TypeError("outer")
except (ValueError, TypeError) as e:
    print("tuple of types caught", type(e).__name__)
