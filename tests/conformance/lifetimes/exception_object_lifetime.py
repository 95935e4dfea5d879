# An exception bound by `except ... as e` dies when the handler ends (the name is deleted).
class Noisy(Exception):
    def __del__(self):
        print("del exception", self.args[0])


try:
    raise Noisy("one")
except Noisy as e:
    print("handling", e.args[0])
print("after handler one")
try:
    raise Noisy("two")
except Noisy as e:
    kept = e
print("after handler two (kept alive by 'kept')")
kept = None
print("kept released")


def raiser():
    raise Noisy("three")


try:
    raiser()
except Noisy:
    print("handler without a name")
print("after handler three")
