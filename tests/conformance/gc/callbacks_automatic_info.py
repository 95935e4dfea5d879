# During automatic collections callbacks receive the same info dicts as for gc.collect().
import gc


class Pair:
    def __init__(self):
        self.other = Pair.__new__(Pair)
        self.other.other = self


infos = []


def cb(phase, info):
    infos.append((phase, dict(info)))


gc.collect()
gc.set_threshold(100)
gc.callbacks.append(cb)
for _ in range(60):
    Pair()
gc.callbacks.remove(cb)
gc.set_threshold(700)
for phase, info in infos:
    print(phase, info)
