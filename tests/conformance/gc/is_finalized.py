# gc.is_finalized turns True once __del__ has run, whether by refcount or by gc.
import gc

gc.disable()
keep = []


class F:
    def __del__(self):
        keep.append(self)


class NoDel:
    pass


a = F()
print("fresh:", gc.is_finalized(a))
del a
print("after refcount death + resurrection:", gc.is_finalized(keep[0]))
b = F()
b.me = b
del b
gc.collect()
print("after gc finalization + resurrection:", gc.is_finalized(keep[1]))
n = NoDel()
n.me = n
print("class without __del__:", gc.is_finalized(n))
print("atomic object:", gc.is_finalized(5), gc.is_finalized("s"))
print("list:", gc.is_finalized([]))
