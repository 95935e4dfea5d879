# Counting live instances of your own classes with gc.get_objects (leak-hunting style).
import gc

gc.disable()


class Session:
    pass


class Request:
    __slots__ = ("n",)


def count(cls):
    return sum(1 for o in gc.get_objects() if type(o) is cls)


print("start:", count(Session), count(Request))
sessions = [Session() for _ in range(7)]
requests = [Request() for _ in range(3)]
print("created:", count(Session), count(Request))
del sessions[2:5]
print("three sessions dropped:", count(Session))
leak = Session()
leak.me = leak
del leak
print("cyclic session still listed until collected:", count(Session))
gc.collect()
print("after collect:", count(Session))
print("generation 0 only after collect:", sum(1 for o in gc.get_objects(0) if type(o) is Session))
print("generation 2:", sum(1 for o in gc.get_objects(2) if type(o) is Session))
try:
    gc.get_objects(3)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.get_objects(-2)
except ValueError as e:
    print("ValueError:", e)
print("-1 means all:", len(gc.get_objects(-1)) == len(gc.get_objects()))
