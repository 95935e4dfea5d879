// Lib/abc.py with Modules/_abc.c (3.11): ABCMeta, ABC, abstractmethod and friends,
// get_cache_token, update_abstractmethods. heapscope's own Python: the per-class state that
// _abc.c keeps in an `_abc_data` object (registry, positive and negative caches as weak sets
// made on first use, the negative cache's version) is a small slotted object here, stored
// as `cls._abc_impl` as in CPython.

export const ABC_SOURCE = String.raw`"""Abstract Base Classes (ABCs) according to PEP 3119."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


# Bumped by every register(): negative caches older than it are stale.
_abc_invalidation_counter = 0


class _abc_data:
    # The three sets hold weak references and exist only once something is cached.
    __slots__ = ('_abc_registry', '_abc_cache', '_abc_negative_cache',
                 '_abc_negative_cache_version')

    def __init__(self):
        self._abc_registry = None
        self._abc_cache = None
        self._abc_negative_cache = None
        self._abc_negative_cache_version = _abc_invalidation_counter


def _weakset():
    from _weakrefset import WeakSet
    return WeakSet()


def _in(wset, item):
    return wset is not None and item in wset


def get_cache_token():
    return _abc_invalidation_counter


def _get_impl(cls):
    impl = cls.__dict__.get('_abc_impl')
    if impl is None:
        raise TypeError("_abc_impl is set to a wrong type")
    return impl


def _abc_init(cls):
    abstracts = {name for name, value in cls.__dict__.items()
                 if getattr(value, "__isabstractmethod__", False)}
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    cls._abc_impl = _abc_data()


def _abc_register(cls, subclass):
    global _abc_invalidation_counter
    if not isinstance(subclass, type):
        raise TypeError("Can only register classes")
    if issubclass(subclass, cls):
        return subclass
    if issubclass(cls, subclass):
        raise RuntimeError("Refusing to create an inheritance cycle")
    impl = _get_impl(cls)
    if impl._abc_registry is None:
        impl._abc_registry = _weakset()
    impl._abc_registry.add(subclass)
    _abc_invalidation_counter += 1
    return subclass


def _abc_instancecheck(cls, instance):
    impl = _get_impl(cls)
    subclass = instance.__class__
    if _in(impl._abc_cache, subclass):
        return True
    subtype = type(instance)
    if subtype is subclass:
        if (impl._abc_negative_cache_version == _abc_invalidation_counter
                and _in(impl._abc_negative_cache, subclass)):
            return False
        return cls.__subclasscheck__(subclass)
    return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)


def _abc_subclasscheck(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError('issubclass() arg 1 must be a class')
    impl = _get_impl(cls)
    if _in(impl._abc_cache, subclass):
        return True
    if impl._abc_negative_cache_version < _abc_invalidation_counter:
        if impl._abc_negative_cache is not None:
            impl._abc_negative_cache.clear()
        impl._abc_negative_cache_version = _abc_invalidation_counter
    elif _in(impl._abc_negative_cache, subclass):
        return False
    ok = cls.__subclasshook__(subclass)
    if ok is not NotImplemented:
        if ok:
            _add_cache(impl, subclass)
        else:
            _add_negative(impl, subclass)
        return ok
    if cls in getattr(subclass, '__mro__', ()):
        _add_cache(impl, subclass)
        return True
    if impl._abc_registry is not None:
        for rcls in impl._abc_registry:
            if issubclass(subclass, rcls):
                _add_cache(impl, subclass)
                return True
    for scls in cls.__subclasses__():
        if issubclass(subclass, scls):
            _add_cache(impl, subclass)
            return True
    _add_negative(impl, subclass)
    return False


def _add_cache(impl, subclass):
    if impl._abc_cache is None:
        impl._abc_cache = _weakset()
    impl._abc_cache.add(subclass)


def _add_negative(impl, subclass):
    if impl._abc_negative_cache is None:
        impl._abc_negative_cache = _weakset()
    impl._abc_negative_cache.add(subclass)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        _abc_init(cls)
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC."""
        return _abc_register(cls, subclass)

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        return _abc_instancecheck(cls, instance)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        return _abc_subclasscheck(cls, subclass)

    def _dump_registry(cls, file=None):
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        impl = _get_impl(cls)
        for name in ('_abc_registry', '_abc_cache', '_abc_negative_cache'):
            value = getattr(impl, name)
            print(f"{name}: {set(value) if value is not None else set()!r}", file=file)
        print(f"_abc_negative_cache_version: {impl._abc_negative_cache_version!r}", file=file)

    def _abc_registry_clear(cls):
        impl = _get_impl(cls)
        if impl._abc_registry is not None:
            impl._abc_registry.clear()

    def _abc_caches_clear(cls):
        impl = _get_impl(cls)
        if impl._abc_cache is not None:
            impl._abc_cache.clear()
        if impl._abc_negative_cache is not None:
            impl._abc_negative_cache.clear()


def update_abstractmethods(cls):
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
    __slots__ = ()
`;
