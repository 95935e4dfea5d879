# get_threshold/set_threshold: defaults, partial updates and argument errors.
import gc

print("default:", gc.get_threshold())
gc.set_threshold(500)
print("one argument:", gc.get_threshold())
gc.set_threshold(100, 5)
print("two arguments:", gc.get_threshold())
gc.set_threshold(0, 1, 2)
print("zero disables automatic collection:", gc.get_threshold())
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError:", e)
try:
    gc.set_threshold(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    gc.set_threshold("700")
except TypeError as e:
    print("TypeError:", e)
gc.set_threshold(700, 10, 10)
print("restored:", gc.get_threshold())
