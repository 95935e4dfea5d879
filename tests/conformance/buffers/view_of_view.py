# memoryview(m) and m.cast() share the original exporter; obj always names the base object.
import array

base = array.array("B", range(8))
m = memoryview(base)
mm = memoryview(m)
c = m.cast("B", [2, 4])
print("obj of derived views:", mm.obj is base, c.obj is base)
print("equal content:", mm == m, mm.tolist() == m.tolist())
m.release()
print("derived view works after the first is released:", mm[3], c[1, 0])
try:
    base.append(9)
except BufferError as e:
    print("BufferError:", e)
mm.release()
c.release()
base.append(9)
print("base resized:", base.tolist())
