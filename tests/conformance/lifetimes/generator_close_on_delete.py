# Deleting a suspended generator closes it: GeneratorExit is raised at the yield, finally runs.
class Guard:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def worker(name):
    g = Guard(name)
    try:
        yield 1
        yield 2
    finally:
        print("finally in", name)


g = worker("suspended")
print("first:", next(g))
print("deleting suspended generator")
del g
print("---")
h = worker("unstarted")
print("deleting unstarted generator (no finally)")
del h
print("---")
done = worker("finished")
print(list(done))
print("deleting finished generator")
del done
print("end")
