# __del__ can resurrect its object; it is never called a second time for the same object.
import gc

saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__ of", self.name)
        saved.append(self)


p = Phoenix("bird")
del p
print("resurrected:", len(saved), saved[0].name)
print("finalized flag:", gc.is_finalized(saved[0]))
bird = saved.pop()
print("popped; still alive as 'bird'")
del bird
print("second death: no __del__ call")
q = Phoenix("twice")
q2 = q
del q
print("not dead yet: nothing printed")
del q2
print("saved again:", [x.name for x in saved])
saved.clear()
print("end")
