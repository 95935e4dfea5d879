# Exceptions saved across handlers link tracebacks, frames and contexts into one garbage graph.
import gc

gc.disable()
gc.collect()


def nested_handlers():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise ValueError("second")
        except ValueError as e:
            saved = e
    return saved.__context__ is not None


print("context linked:", nested_handlers())
print("collected:", gc.collect())


def self_referencing_exception():
    e = RuntimeError("self")
    e.me = e
    return None


self_referencing_exception()
print("exception with an attribute pointing to itself:", gc.collect())
