# A saved traceback keeps the raising frame's locals alive until it is dropped.
class Big:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def fails():
    buf = Big("buffer in failing frame")
    raise OSError("failed")


def caller():
    mine = Big("caller local")
    fails()


try:
    caller()
except OSError as e:
    saved = e.__traceback__
print("handler done; traceback saved")
saved = None
print("traceback dropped")
try:
    caller()
except OSError as e:
    err = e
print("exception saved (it owns the traceback)")
del err
print("end")
