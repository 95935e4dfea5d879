# The list free list keeps at most 80 headers: most freed lists are reused by new ones.
import gc

gc.disable()
gc.collect()
lists = [[i] for i in range(100)]
old = {id(x) for x in lists}
del lists
new = [[i] for i in range(100)]
reused = sum(1 for x in new if id(x) in old)
dicts = [{"k": i} for i in range(100)]
dold = {id(x) for x in dicts}
del dicts
dnew = [{"k": i} for i in range(100)]
dreused = sum(1 for x in dnew if id(x) in dold)
print("list headers reused, at least 80:", reused >= 80)
print("dict headers reused, at least 80:", dreused >= 80)
