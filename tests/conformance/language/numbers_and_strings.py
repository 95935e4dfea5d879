# Integer, float and string basics used throughout the corpus.
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, divmod(17, 5), 2 ** 100)
print(0.1 + 0.2, round(2.675, 2), round(2.5), round(3.5), int(-2.9), float("1e3"))
print(10 / 4, 10 // 4.0, abs(-3), max(3, 9, 1), min("b", "a"))
print(int("ff", 16), hex(255), oct(8), bin(5), int("0b101", 0))
print((255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (1024).bit_length())
s = "Memory Management"
print(s.lower(), s.split(), s.replace("M", "m", 1), s[::-1][:6], s.find("Man"), s.count("e"))
print("-".join(["a", "b", "c"]), "  pad  ".strip(), "x".center(5, "*"), "ab" * 3)
print("caf\u00e9".encode("utf-8"), b"caf\xc3\xa9".decode(), len("\U0001f600"), ord("A"), chr(955))
print(sorted(["banana", "Apple", "cherry"]), sorted(["banana", "Apple", "cherry"], key=str.lower))
