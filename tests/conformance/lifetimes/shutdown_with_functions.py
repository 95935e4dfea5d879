# Globals still alive at exit are finalized during shutdown even when functions hold the module.
class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("shutdown del", self.name)


def use():
    return first, second


first = Res("first")
second = Res("second")
items = [Res("item0"), Res("item1")]
third = Res("third")
print("used:", [r.name for r in use()])
print("end of script")
