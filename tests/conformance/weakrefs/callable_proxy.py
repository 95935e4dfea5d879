# Proxies to callables are CallableProxyType and can be called; callbacks get the proxy.
import weakref


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x):
        return x + self.n


def on_death(proxy):
    print("proxy callback, type:", type(proxy).__name__)
    try:
        proxy(1)
    except ReferenceError as e:
        print("calling dead proxy:", e)


a = Adder(5)
cp = weakref.proxy(a, on_death)
print("type:", type(cp).__name__, type(cp) is weakref.CallableProxyType)
print("call:", cp(10))
print("ProxyTypes:", [t.__name__ for t in weakref.ProxyTypes])


def f(x):
    return x * 3


fp = weakref.proxy(f)
print("function proxy call:", fp(4), type(fp).__name__)
del a
print("end")
