# An uncaught ExceptionGroup prints the 3.11 nested traceback format.
def task(n):
    if n % 2:
        raise ValueError("task %d failed" % n)
    return n


errors = []
for n in range(4):
    try:
        task(n)
    except ValueError as e:
        errors.append(e)
print("collected", len(errors), "errors")
raise ExceptionGroup("tasks failed", errors)
