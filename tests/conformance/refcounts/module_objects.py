# Module objects hold their attributes in their __dict__, like any namespace.
import sys
import types

payload = ["payload"]
mod = types.ModuleType("scratch")
mod.value = payload
mod.again = payload
print("two module attributes:", sys.getrefcount(payload))
ns = mod.__dict__
print("module dict is a real dict:", type(ns).__name__, ns["value"] is payload)
del mod.again
print("attribute deleted:", sys.getrefcount(payload))
sn = types.SimpleNamespace(a=payload, b=payload)
print("SimpleNamespace attributes:", sys.getrefcount(payload))
del mod, ns
print("module dropped:", sys.getrefcount(payload))
sn.a = None
print("namespace attribute replaced:", sys.getrefcount(payload))
