# A close() method that breaks back-references lets refcounting free a structure without gc.
import gc

gc.disable()
gc.collect()


class Conn:
    def __init__(self, name):
        self.name = name
        self.channels = []

    def open_channel(self, n):
        ch = Channel(n, self)
        self.channels.append(ch)
        return ch

    def close(self):
        for ch in self.channels:
            ch.conn = None
        self.channels.clear()

    def __del__(self):
        print("conn", self.name, "freed")


class Channel:
    def __init__(self, n, conn):
        self.n = n
        self.conn = conn

    def __del__(self):
        print("channel", self.n, "freed")


c = Conn("closed properly")
c.open_channel(1)
c.open_channel(2)
c.close()
del c
print("collector had nothing to do:", gc.collect())
d = Conn("not closed")
d.open_channel(3)
del d
print("without close(), collected:", gc.collect())
