# A zero-copy pipeline: read fixed-size frames into one reusable buffer and process views of it.
import io

frames = b"".join(bytes([i]) * 8 for i in range(1, 6))
stream = io.BytesIO(frames)
buf = bytearray(16)
view = memoryview(buf)
checksums = []
reads = 0
while True:
    n = stream.readinto(view[:16])
    if n == 0:
        break
    reads += 1
    chunk = view[:n]
    checksums.append(sum(chunk))
    head, tail = chunk[:8], chunk[8:]
    tail[:] = bytes(len(tail))
    chunk.release()
    head.release()
    tail.release()
print("reads:", reads, "checksums:", checksums)
print("the buffer was reused, never resized:", len(buf))
print("last frame's tail was zeroed in place:", buf.hex())
view.release()
buf.extend(b"!")
print("buffer can grow once every view is released:", len(buf))
