# Class attributes live in the class dict; reading them through an instance adds nothing.
import sys

shared = ["shared"]


class Config:
    setting = shared
    other = shared


print("two class attributes:", sys.getrefcount(shared))
c1 = Config()
c2 = Config()
print("instances read it:", c1.setting is shared, c2.other is shared, sys.getrefcount(shared))
c1.setting = shared
print("instance attribute shadows it:", sys.getrefcount(shared))
del Config.other
print("class attribute deleted:", sys.getrefcount(shared))
Config.setting = None
print("class attribute rebound:", sys.getrefcount(shared))
del c1.setting
print("instance attribute deleted:", sys.getrefcount(shared))
