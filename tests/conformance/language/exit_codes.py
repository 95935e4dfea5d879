# sys.exit with an integer sets the exit status; finally blocks and atexit-free cleanup run first.
import sys


class Res:
    def __del__(self):
        print("resource released during shutdown")


keep = Res()
try:
    print("exiting with status 3")
    sys.exit(3)
finally:
    print("finally runs before exit")
