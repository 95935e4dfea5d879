# memoryview format and itemsize follow the array type code; tolist converts back.
import array

for code, values in [("b", [-1, 2]), ("B", [1, 255]), ("h", [-300, 7]), ("H", [65535, 0]),
                     ("i", [-70000, 1]), ("I", [4000000000, 1]), ("l", [-2, 3]), ("L", [5, 6]),
                     ("q", [-(2 ** 40), 1]), ("Q", [2 ** 63, 0]), ("f", [0.5, -1.25]), ("d", [0.1, 2.0])]:
    a = array.array(code, values)
    m = memoryview(a)
    print(code, m.format, m.itemsize, m.nbytes, m.tolist() == a.tolist(), a.buffer_info()[1])
try:
    array.array("b", [200])
except OverflowError as e:
    print("OverflowError:", e)
