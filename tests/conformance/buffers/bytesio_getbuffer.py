# BytesIO.getbuffer returns a writable view; while it exists, writes and resizes are refused.
import io

b = io.BytesIO(b"hello")
view = b.getbuffer()
view[0] = ord("J")
print("write through getbuffer:", b.getvalue())
for name, op in [("write past end", lambda: b.write(b" world")),
                 ("overwrite in place", lambda: (b.seek(0), b.write(b"HE"))),
                 ("truncate", lambda: b.truncate(2))]:
    try:
        op()
        print(name, "allowed")
    except BufferError as e:
        print(name, "-> BufferError:", e)
print("reading is fine:", b.getvalue(), b.tell())
del view
b.seek(0, 2)
b.write(b" world")
print("after the view is gone:", b.getvalue())
v2 = b.getbuffer()
print("view length:", len(v2), v2.readonly, v2.format)
v2.release()
b.close()
try:
    b.getbuffer()
except ValueError as e:
    print("ValueError:", e)
