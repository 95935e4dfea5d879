# Storing a bound method on its own instance makes a cycle: instance <-> method.
import gc

gc.disable()
gc.collect()


class Button:
    def click(self):
        return "clicked"


b = Button()
b.handler = b.click
print("handler works:", b.handler())
del b
print("instance + bound method:", gc.collect())
b = Button()
b.handlers = [b.click, b.click]
del b
print("instance + list + two bound methods:", gc.collect())
b1, b2 = Button(), Button()
b1.other = b2.click
b2.other = b1.click
del b1, b2
print("two instances through each other's methods:", gc.collect())
