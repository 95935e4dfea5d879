# The seed leak hunt: snapshot, run suspect code, compare, and find the leaking line.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()
only_me = [tracemalloc.Filter(True, __file__)]
history = []


def process(batch):
    total = sum(batch)
    history.append(list(batch))
    return total


first = tracemalloc.take_snapshot().filter_traces(only_me)
for i in range(200):
    process(range(i, i + 20))
second = tracemalloc.take_snapshot().filter_traces(only_me)
tracemalloc.stop()
top = [d for d in second.compare_to(first, "lineno") if 12 <= d.traceback[0].lineno <= 15]
for stat in top:
    print("line", stat.traceback[0].lineno, "count_diff", stat.count_diff, "size_diff", stat.size_diff)
print(str(top[0]).replace(__file__, "<file>"))
history.clear()
print("after clearing history:", len(history))
