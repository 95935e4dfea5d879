# Uncaught chained exceptions print both tracebacks, joined by the context message.
def parse(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError("could not parse %r" % text)


print("parsed:", parse("42"))
print("parsing a bad value")
parse("forty-two")
