# A traceback keeps the raising frame, and therefore its locals, alive.
import sys


class Payload:
    pass


def fail(p):
    local = p
    raise ValueError("fail")


p = Payload()
print("start:", sys.getrefcount(p))
try:
    fail(p)
except ValueError as e:
    tb = e.__traceback__
print("after catching (frame keeps param + local):", sys.getrefcount(p))
inner = tb.tb_next
print("inner frame is fail:", inner.tb_frame.f_code.co_name)
print("no more frames:", inner.tb_next is None)
del inner
print("still held by the frame:", sys.getrefcount(p))
tb.tb_next.tb_frame.clear()
print("frame.clear() drops its locals:", sys.getrefcount(p))
del tb
print("traceback dropped:", sys.getrefcount(p))
