# Nested fresh tuples may need several collections to be untracked, depending on list order.
import gc

gc.disable()
gc.collect()
leaf = tuple([1])
mid = tuple([leaf])
top = tuple([mid])
print("fresh:", gc.is_tracked(leaf), gc.is_tracked(mid), gc.is_tracked(top))
for i in range(1, 4):
    gc.collect()
    print("after collection", i, ":", gc.is_tracked(leaf), gc.is_tracked(mid), gc.is_tracked(top))
c = tuple([2])
b = tuple([c])
a = tuple([b])
del b, c
print("chain a->b->c, only a named:", gc.is_tracked(a))
gc.collect()
print("after one collection:", gc.is_tracked(a), gc.is_tracked(a[0]), gc.is_tracked(a[0][0]))
gc.collect()
print("after two collections:", gc.is_tracked(a), gc.is_tracked(a[0]), gc.is_tracked(a[0][0]))
