# One-character Latin-1 strings and one-byte bytes made at runtime are shared singletons.
print("chr(97) is chr(97):", chr(97) is chr(97))
print("chr(200) is chr(200):", chr(200) is chr(200))
print("chr(300) is chr(300):", chr(300) is chr(300))
s = "xyz"
print("indexing returns the singleton:", s[1] is chr(121), "slice too:", s[1:2] is chr(121))
print("decode gives it too:", b"q".decode() is chr(113))
print("all Latin-1 chars:", all(chr(i) is chr(i) for i in range(256)))
print("bytes([97]) twice:", bytes([97]) is bytes([97]))
bb = b"abc"
print("bytes slice of one byte:", bb[0:1] is bytes([97]))
print("bytes([200]) twice:", bytes([200]) is bytes([200]))
two = "".join(["a", "b"])
print("two-char runtime strings are distinct:", two is "".join(["a", "b"]))
