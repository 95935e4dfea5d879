# method calls and attribute access: a small class hierarchy driven in a loop (the seed
# documents' object-oriented workloads); prints a checksum.


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scaled(self, k):
        return Vector(self.x * k, self.y * k)


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel

    def step(self):
        self.pos = self.pos.add(self.vel)
        if self.pos.x > 1000 or self.pos.x < -1000:
            self.vel = self.vel.scaled(-1)
        return self.pos.dot(self.vel)


def main(steps):
    particles = [Particle(Vector(i, -i), Vector(i % 7 - 3, i % 5 - 2)) for i in range(100)]
    total = 0
    for _ in range(steps):
        for p in particles:
            total += p.step()
    print("checksum", total)


main(6000)
