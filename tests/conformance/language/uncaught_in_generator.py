# A traceback through a generator shows the consumer's frame and the generator's frame.
def numbers():
    yield 1
    yield 2
    raise LookupError("generator ran out of luck")


total = 0
for n in numbers():
    total += n
    print("got", n, "total", total)
print("never printed")
