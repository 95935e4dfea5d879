# tobytes/tolist/hex produce copies of a view's contents in different forms.
import array

m = memoryview(b"\x00\x01\xfe\xff")
print("tobytes:", m.tobytes())
print("tolist:", m.tolist())
print("hex:", m.hex(), m.hex(":"), m.hex("-", 2))
print("slice hex:", m[1:3].hex())
d = memoryview(array.array("d", [0.5, -2.0]))
print("doubles tolist:", d.tolist())
print("double bytes:", d.tobytes().hex())
s = memoryview(bytearray(b"abcdef"))[::2]
print("strided tobytes:", s.tobytes(), "tolist:", s.tolist())
print("bytes(view) equals tobytes:", bytes(s) == s.tobytes())
print("tobytes order='A':", memoryview(b"xy").tobytes(order="A"))
