# An automatic collection frees pending cycles in the middle of the program.
import gc


class Cyclic:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        freed.append(self.n)


freed = []
gc.collect()
gc.set_threshold(20)
for i in range(5):
    Cyclic(i)
after5 = list(freed)
for i in range(5, 40):
    Cyclic(i)
after40 = list(freed)
gc.set_threshold(700)
gc.collect()
print("after 5 cycles:", after5)
print("after 40 cycles:", after40)
print("after explicit collect, freed count:", len(freed))
