# compare_to sorts by |size_diff| then size; groups that vanished report size 0 without average.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()
only_me = [tracemalloc.Filter(True, __file__)]
gone = []


def phase_one():
    gone.extend(f"{'a' * 1000}{i}" for i in range(20))


def phase_two():
    return [f"{'b' * 100}{i}" for i in range(50)], [f"{'c' * 3000}{i}" for i in range(5)]


phase_one()
s1 = tracemalloc.take_snapshot().filter_traces(only_me)
gone.clear()
kept = phase_two()
s2 = tracemalloc.take_snapshot().filter_traces(only_me)
tracemalloc.stop()
for d in s2.compare_to(s1, "lineno"):
    if d.traceback[0].lineno in (13, 17):
        print(str(d).replace(__file__, "<file>"))
stats = [s for s in s2.statistics("lineno") if s.traceback[0].lineno == 17]
print("statistics sorted by size:", [s.size for s in s2.statistics("lineno")] == sorted((s.size for s in s2.statistics("lineno")), reverse=True))
