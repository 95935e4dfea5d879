# bytes-like operations accept memoryviews directly and produce copies.
m1 = memoryview(b"ab")
m2 = memoryview(bytearray(b"cd"))
print("join:", b"".join([m1, m2]), b"-".join([m1, b"x", m2]))
print("bytes + view:", b"xy" + m1)
ba = bytearray(b"12")
ba += m1
print("bytearray += view:", ba)
print("bytes(view) in a list:", [bytes(v) for v in (m1, m2)])
print("startswith with a view:", b"abc".startswith(m1), "find:", b"zzab".find(m1))
print("int.from_bytes:", int.from_bytes(m2, "big"))
