# Leak hunting with gc: count live instances per class and find who still refers to them.
import gc

gc.disable()


class Session:
    def __init__(self, user):
        self.user = user


class Registry:
    def __init__(self):
        self.sessions = []


def live(cls):
    return [o for o in gc.get_objects() if type(o) is cls]


registry = Registry()
before = len(live(Session))
for user in ("ann", "bob", "cid"):
    s = Session(user)
    if user != "bob":
        registry.sessions.append(s)
del s
gc.collect()
leaked = live(Session)
print("sessions alive:", len(leaked) - before, sorted(x.user for x in leaked))
holders = [r for r in gc.get_referrers(leaked[0]) if isinstance(r, list) and r is not leaked]
print("held by the registry list:", any(h is registry.sessions for h in holders))
registry.sessions.clear()
del leaked, holders
print("after clearing the registry:", len(live(Session)) - before)
