# A `with memoryview(...)` block releases the view even when the block raises.
ba = bytearray(b"abc")
try:
    with memoryview(ba) as m:
        print("inside:", m.tobytes())
        raise KeyError("boom")
except KeyError as e:
    print("caught:", e)
try:
    len(m)
except ValueError as e:
    print("view released:", e)
ba.extend(b"def")
print("bytearray resized:", ba)
with memoryview(ba) as outer:
    with outer[1:4] as inner:
        print("nested:", inner.tobytes())
    print("outer still usable:", outer.tobytes())
try:
    inner.tobytes()
except ValueError:
    print("inner released at its own block end")
