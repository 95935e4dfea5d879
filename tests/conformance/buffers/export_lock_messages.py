# While a view exists, size-changing bytearray operations raise BufferError.
ba = bytearray(b"0123456789")
m = memoryview(ba)
ops = [
    ("append", lambda: ba.append(1)),
    ("extend", lambda: ba.extend(b"ab")),
    ("iadd", lambda: ba.__iadd__(b"ab")),
    ("del item", lambda: ba.__delitem__(0)),
    ("del slice", lambda: ba.__delitem__(slice(0, 2))),
    ("grow slice", lambda: ba.__setitem__(slice(0, 1), b"xyz")),
    ("clear", lambda: ba.clear()),
    ("pop", lambda: ba.pop()),
    ("insert", lambda: ba.insert(0, 1)),
    ("remove", lambda: ba.remove(ord("5"))),
]
for name, op in ops:
    try:
        op()
        print(name, "allowed")
    except BufferError as e:
        print(name, "-> BufferError:", e)
ba[0:2] = b"AB"
ba[5] = ord("!")
print("same-size changes allowed:", ba)
m.release()
ba.append(ord("Z"))
print("after release:", ba)
