# release() is idempotent; every later use raises ValueError; `with` releases on exit.
ba = bytearray(b"data")
m = memoryview(ba)
m.release()
m.release()
print("released twice without error")
for name, op in [("index", lambda: m[0]), ("len", lambda: len(m)), ("obj", lambda: m.obj),
                 ("tobytes", lambda: m.tobytes()), ("nbytes", lambda: m.nbytes), ("slice", lambda: m[1:])]:
    try:
        op()
    except ValueError as e:
        print(name, "-> ValueError:", e)
with memoryview(ba) as m2:
    print("inside with:", bytes(m2))
try:
    m2[0]
except ValueError as e:
    print("after with -> ValueError:", e)
ba.append(33)
print("bytearray can grow again:", ba)
print("released views still compare:", m == m, m == memoryview(b"data"))
