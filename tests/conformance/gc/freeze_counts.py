# get_freeze_count grows by exactly the number of tracked objects frozen (differences only).
import gc

gc.disable()
gc.collect()
gc.freeze()
base = gc.get_freeze_count()
batch = [[] for _ in range(25)]
gc.freeze()
after_lists = gc.get_freeze_count() - base
more = [{} for _ in range(10)]
floats = [float(i) for i in range(10)]
gc.freeze()
after_untracked = gc.get_freeze_count() - base
print("25 lists plus the batch list:", after_lists)
print("untracked dicts and floats add only their two lists:", after_untracked - after_lists)
print("get_objects excludes frozen:", any(o is batch for o in gc.get_objects()))
print("get_referrers does not see frozen containers:", any(r is batch for r in gc.get_referrers(batch[0])))
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())
print("visible again:", any(o is batch for o in gc.get_objects()))
