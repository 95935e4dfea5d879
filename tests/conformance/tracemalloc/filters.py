# Filter/DomainFilter: inclusive and exclusive patterns, line numbers and domains.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()


def a():
    return [b"a" * k for k in range(60, 65)]


def b():
    return [b"b" * k for k in range(60, 67)]


keep = (a(), b())
snap = tracemalloc.take_snapshot()
tracemalloc.stop()


def lines(s):
    return sorted({st.traceback[0].lineno for st in s.statistics("lineno")})


mine = snap.filter_traces([tracemalloc.Filter(True, __file__)])
print("inclusive file filter, lines:", lines(mine))
only11 = snap.filter_traces([tracemalloc.Filter(True, __file__, lineno=11)])
print("line 11 only:", lines(only11), only11.statistics("lineno")[0].count)
no11 = mine.filter_traces([tracemalloc.Filter(False, __file__, lineno=11)])
print("excluding line 11:", 11 in lines(no11), 15 in lines(no11))
nothing = snap.filter_traces([tracemalloc.Filter(True, "no_such_file.py")])
print("no match:", len(nothing.traces))
dom = mine.filter_traces([tracemalloc.DomainFilter(True, 0)])
print("domain 0 keeps everything:", len(dom.traces) == len(mine.traces))
nodom = mine.filter_traces([tracemalloc.DomainFilter(False, 0)])
print("excluding domain 0:", len(nodom.traces))
copy = mine.filter_traces([])
print("empty filter list copies:", copy is not mine, len(copy.traces) == len(mine.traces))
f = tracemalloc.Filter(True, "x.pyc")
print("filter attributes:", f.inclusive, f.filename_pattern, f.lineno, f.all_frames, f.domain)
