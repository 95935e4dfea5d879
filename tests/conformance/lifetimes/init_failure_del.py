# An object whose __init__ raises is still finalized: __del__ sees a half-built instance.
class Partial:
    def __init__(self, fail):
        self.first = "set"
        if fail:
            raise ValueError("init failed")
        self.second = "set"

    def __del__(self):
        print("del with attributes", sorted(vars(self)))


ok = Partial(False)
try:
    bad = Partial(True)
except ValueError as e:
    print("caught:", e)
print("bad bound:", "bad" in globals())
del ok
print("end")
