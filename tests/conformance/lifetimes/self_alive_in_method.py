# An object whose last outside reference goes away during its own method lives until it returns.
class Owner:
    registry = {}

    def __init__(self, name):
        self.name = name
        Owner.registry[name] = self

    def unregister(self):
        del Owner.registry[self.name]
        print("unregistered; self still usable:", self.name)
        return "done"

    def __del__(self):
        print("del", self.name)


Owner("job")
print(Owner.registry["job"].unregister())
print("after the call")
Owner("second")
method = Owner.registry["second"].unregister
print(method())
print("method object still holds the instance")
del method
print("end")
