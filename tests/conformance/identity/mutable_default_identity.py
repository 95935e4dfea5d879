# A mutable default is created once and shared by every call that uses it.
def append_to(item, target=[]):
    target.append(item)
    return target


first = append_to(1)
second = append_to(2)
print("same list returned:", first is second, first)
print("it is the stored default:", first is append_to.__defaults__[0])
own = append_to(3, [])
print("explicit argument is separate:", own is first, own)


def safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print("None idiom makes new lists:", safe(1) is safe(2))
