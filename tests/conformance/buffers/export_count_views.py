# The export stays until every view derived from the same memoryview is released or freed.
import gc

gc.disable()
ba = bytearray(b"abcdef")


def can_resize():
    try:
        ba.append(0)
        ba.pop()
        return True
    except BufferError:
        return False


m = memoryview(ba)
m2 = m[2:5]
m.release()
print("original released, slice alive:", can_resize())
del m2
print("slice deleted:", can_resize())
a = memoryview(ba)
b = memoryview(ba)
a.release()
print("second independent view still blocks:", can_resize())
del b
print("all views gone:", can_resize())
cyc = [memoryview(ba)]
cyc.append(cyc)
del cyc
print("view kept by a cycle blocks:", can_resize())
gc.collect()
print("after gc.collect():", can_resize())
