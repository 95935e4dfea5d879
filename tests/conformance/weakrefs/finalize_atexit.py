# Finalizers still pending at exit run newest first; atexit=False ones never run.
import weakref


class Res:
    pass


keep = [Res(), Res(), Res()]
f1 = weakref.finalize(keep[0], print, "atexit finalizer 1 (created first)")
f2 = weakref.finalize(keep[1], print, "atexit finalizer 2 (created second)")
f3 = weakref.finalize(keep[2], print, "never printed")
f3.atexit = False
done = Res()
f4 = weakref.finalize(done, print, "ran before exit")
del done
print("end of script, atexit flags:", f1.atexit, f2.atexit, f3.atexit)
