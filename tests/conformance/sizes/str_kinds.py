# str sizes for Latin-1 (1 byte/char), UCS-2 (2 bytes) and UCS-4 (4 bytes) content.
import sys

samples = {
    "latin-1 e-acute": "\u00e9",
    "latin-1 x10": "\u00e9" * 10,
    "mixed ascii+latin-1": "abc\u00ff",
    "ucs-2 euro": "\u20ac",
    "ucs-2 x10": "\u20ac" * 10,
    "ascii + one euro": "a" * 9 + "\u20ac",
    "ucs-4 emoji": "\U0001f600",
    "ucs-4 x10": "\U0001f600" * 10,
    "ascii + one emoji": "a" * 9 + "\U0001f600",
}
for name, s in samples.items():
    print(name.ljust(20), len(s), sys.getsizeof(s))
print("widest char decides:", sys.getsizeof("\u00e9\u20ac\U0001f600"))
print("chr(255) vs chr(256):", sys.getsizeof(chr(255)), sys.getsizeof(chr(256)))
print("chr(65535) vs chr(65536):", sys.getsizeof(chr(65535)), sys.getsizeof(chr(65536)))
