# Default object hashes derive from the address: hash(o) == id(o) >> 4 for 16-aligned objects.
class K:
    pass


objs = [object(), K(), K(), object()]
print("aligned to 16:", all(id(o) % 16 == 0 for o in objs))
print("hash == id >> 4:", all(hash(o) == id(o) >> 4 for o in objs))
print("equal only to itself:", [o == objs[1] for o in objs])
print("ids distinct while alive:", len({id(o) for o in objs}) == len(objs))
many = [K() for _ in range(1000)]
print("1000 live instances, distinct ids:", len(set(map(id, many))))
print("hash of ints is the value:", [hash(i) for i in (0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61)])
print("hash of floats equal to ints:", hash(1.0) == hash(1), hash(-1.0), hash(1.5))
print("hash of tuples:", hash(()), hash((1,)), hash((1, 2)))
