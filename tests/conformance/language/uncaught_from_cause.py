# `raise ... from` prints the cause first, then "The above exception was the direct cause".
class ConfigError(Exception):
    pass


def load(settings, key):
    try:
        return settings[key]
    except KeyError as e:
        raise ConfigError("missing setting " + key) from e


settings = {"port": 8080}
print("port:", load(settings, "port"))
load(settings, "host")
