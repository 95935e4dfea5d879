# Names from the source (class, function, attribute and keyword names) are interned strings.
import sys


class MyClass:
    def my_method(self):
        pass


def my_function(keyword_arg=None):
    return keyword_arg


class_name = "MyClass"
method_name = "my_method"
func_name = "my_function"
print("class __name__:", MyClass.__name__ is class_name)
print("function __name__:", my_function.__name__ is func_name)
print("method name key in the class dict:", any(k is method_name for k in MyClass.__dict__))
print("co_varnames entry:", my_function.__code__.co_varnames[0] is sys.intern("".join(["keyword", "_arg"])))
qualname_key = sys.intern("".join(["MyClass.", "my_method"]))
print("dotted qualname is not interned:", MyClass.my_method.__qualname__ is qualname_key)
