# Module globals with __del__ are finalized at interpreter exit, after the last statement.
class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("exit-time del", self.name)


first = Res("first")
_private = Res("_private")
second = Res("second")
group = (Res("group0"), Res("group1"))
last = Res("last")
temp = Res("temp")
del temp
print("end of script")
