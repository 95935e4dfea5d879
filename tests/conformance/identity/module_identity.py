# Modules are singletons in sys.modules: every import yields the same object.
import gc
import sys
import gc as collector

print("alias is the module:", collector is gc)
print("sys.modules entry:", sys.modules["gc"] is gc, sys.modules["sys"] is sys)


def reimport():
    import gc as again
    return again


print("import inside a function:", reimport() is gc)
print("__import__:", __import__("gc") is gc)
print("module attribute identity:", gc.collect is collector.collect)
print("builtins module:", sys.modules["builtins"].len is len)
