# Classes, inheritance, super() and the method resolution order.
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def describe(self):
        return "%s the %s says %s" % (self.name, self.kind, self.speak())


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return "woof"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + "!"


class Mixin:
    def speak(self):
        return "mixed " + super().speak()


class MixedPuppy(Mixin, Puppy):
    pass


for a in (Animal("Generic"), Dog("Rex"), Puppy("Bit", 1), MixedPuppy("Mo", 2)):
    print(a.describe())
print([c.__name__ for c in MixedPuppy.__mro__])
print(isinstance(MixedPuppy("x", 0), Dog), issubclass(Dog, Puppy))
