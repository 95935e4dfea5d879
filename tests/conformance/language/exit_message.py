# sys.exit with a string prints it to stderr and exits with status 1 (after finally blocks).
import sys


def validate(config):
    if "port" not in config:
        sys.exit("fatal: configuration is invalid (no port)")
    return config["port"]


print("port:", validate({"port": 80}))
try:
    print("about to fail")
    validate({})
finally:
    print("cleanup in finally")
print("never printed")
