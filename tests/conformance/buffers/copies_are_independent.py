# bytes(view), bytearray(view), tobytes() and bytes slicing all copy the data.
ba = bytearray(b"abcdef")
m = memoryview(ba)
copies = {
    "bytes(m)": bytes(m),
    "bytearray(m)": bytearray(m),
    "m.tobytes()": m.tobytes(),
    "ba[:]": ba[:],
    "bytes(ba)": bytes(ba),
}
ba[0] = ord("Z")
for name, c in copies.items():
    print(name.ljust(14), c)
print("view sees the change:", m.tobytes())
mutable_copy = copies["bytearray(m)"]
mutable_copy.append(ord("!"))
print("copies can be resized while m exists:", mutable_copy)
