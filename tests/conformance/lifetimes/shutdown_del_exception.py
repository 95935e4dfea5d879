# An exception in __del__ at interpreter exit is reported on stderr; the exit status stays 0.
class Failing:
    def __call__(self):
        print("finalizer at exit")
        raise ValueError("failed during shutdown")

    def __repr__(self):
        return "<Failing finalizer>"


class Holder:
    __del__ = Failing()


keep = Holder()
print("end of script")
