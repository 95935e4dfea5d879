# Keeping a caught exception in a local makes a cycle: exception -> traceback -> frame -> local.
import gc

gc.disable()
gc.collect()


def keep_exception():
    try:
        raise ValueError("kept")
    except ValueError as e:
        err = e


keep_exception()
print("exception, args tuple, traceback, frame:", gc.collect())


def keep_two_levels():
    def inner():
        raise KeyError("deep")
    try:
        inner()
    except KeyError as e:
        err = e


keep_two_levels()
print("two tracebacks, two frames, nested function:", gc.collect())


def no_cycle():
    try:
        raise ValueError("not kept")
    except ValueError:
        pass


no_cycle()
print("handler without a saved exception:", gc.collect())


def break_it():
    try:
        raise ValueError("kept then deleted")
    except ValueError as e:
        err = e
    del err


break_it()
print("cycle broken with del:", gc.collect())
