# A memoryview keeps its exporter alive; releasing the last view lets it die.
import array
import weakref

a = array.array("b", [1, 2, 3])
r = weakref.ref(a, lambda ref: print("array freed"))
m = memoryview(a)
del a
print("exporter alive through the view:", r() is not None, m.obj is r())
s = m[1:]
m.release()
print("after releasing m, slice still holds it:", r() is not None)
print("slice still works:", s.tolist())
print("releasing the slice")
s.release()
print("end")
