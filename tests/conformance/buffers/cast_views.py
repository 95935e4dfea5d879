# memoryview.cast reinterprets the same memory with another format or shape.
import array

a = array.array("i", [1, 256, -1])
m = memoryview(a)
b = m.cast("B")
print("as bytes:", b.tolist())
print("shares memory:", b.obj is a)
b[0] = 7
print("write through the cast:", a.tolist())
h = m.cast("B").cast("h")
print("to shorts:", h.tolist())
grid = memoryview(bytearray(range(6))).cast("B", [2, 3])
print("2-D tolist:", grid.tolist(), "shape:", grid.shape)
print("element:", grid[1, 2])
try:
    m.cast("B").cast("i", [5])
except TypeError as e:
    print("TypeError:", e)
try:
    memoryview(bytearray(5)).cast("i")
except TypeError as e:
    print("TypeError:", e)
try:
    m.cast("x")
except ValueError as e:
    print("ValueError:", e)
