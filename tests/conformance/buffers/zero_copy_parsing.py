# Parsing length-prefixed records through memoryview slices without copying the payloads.
import io

packet = bytearray()
for word in (b"alpha", b"be", b"gamma!"):
    packet.append(len(word))
    packet.extend(word)
stream = io.BytesIO(packet)
buf = bytearray(len(packet))
print("bytes read:", stream.readinto(buf))
view = memoryview(buf)
records = []
pos = 0
while pos < len(view):
    n = view[pos]
    records.append(view[pos + 1:pos + 1 + n])
    pos += 1 + n
print("records:", [r.tobytes() for r in records])
print("all share one buffer:", all(r.obj is buf for r in records))
records[0][0] = ord("A")
print("editing a record edits the buffer:", bytes(buf[:6]))
print("total bytes viewed:", sum(r.nbytes for r in records))
for r in records:
    r.release()
view.release()
buf.extend(b"!")
print("buffer growable again:", len(buf))
