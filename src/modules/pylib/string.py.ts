// Lib/string.py (3.11) as heapscope's own Python source: the character-class constants,
// capwords, and Template. heapscope has no `re`, so Template scans the text by hand with the
// default delimiter/idpattern rules ($$, $identifier, ${identifier}; ASCII identifiers
// matched case-insensitively as 3.11's re.IGNORECASE|re.ASCII pattern does); a subclass may
// change `delimiter` but `idpattern`/`pattern` overrides are not honoured. Formatter is not
// provided (it needs _string.formatter_parser).

export const STRING_SOURCE = String.raw`"""A collection of string constants.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable

"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_""" + chr(96) + "{|}~"
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.

    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_sentinel_dict = {}
_ident_start = frozenset('_' + ascii_letters)
_ident_rest = frozenset('_' + ascii_letters + digits)
_OPEN = chr(123)
_CLOSE = chr(125)


def _ident_end(s, i):
    n = len(s)
    if i >= n or s[i] not in _ident_start:
        return -1
    j = i + 1
    while j < n and s[j] in _ident_rest:
        j += 1
    return j


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _scan(self, convert):
        # convert(kind, name, start) -> replacement text; kind is 'named', 'escaped' or 'invalid'.
        s = self.template
        d = self.delimiter
        dl = len(d)
        out = []
        i = 0
        n = len(s)
        while True:
            k = s.find(d, i)
            if k < 0:
                out.append(s[i:])
                break
            out.append(s[i:k])
            j = k + dl
            if s.startswith(d, j):
                out.append(convert('escaped', d, k))
                i = j + dl
                continue
            e = _ident_end(s, j)
            if e >= 0:
                out.append(convert('named', s[j:e], k))
                i = e
                continue
            if j < n and s[j] == _OPEN:
                e = _ident_end(s, j + 1)
                if e >= 0 and e < n and s[e] == _CLOSE:
                    out.append(convert('named', s[j + 1:e], k))
                    i = e + 1
                    continue
            out.append(convert('invalid', None, j))
            i = j
        return ''.join(out)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        def convert(kind, name, start):
            if kind == 'named':
                return str(mapping[name])
            if kind == 'escaped':
                return self.delimiter
            self._invalid(start)
        return self._scan(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        s = self.template
        def convert(kind, name, start):
            if kind == 'named':
                try:
                    return str(mapping[name])
                except KeyError:
                    e = _ident_end(s, start + len(self.delimiter))
                    if e >= 0:
                        return s[start:e]
                    return s[start:start + len(self.delimiter) + len(name) + 2]
            if kind == 'escaped':
                return self.delimiter
            return self.delimiter
        return self._scan(convert)

    def is_valid(self):
        ok = [True]
        def convert(kind, name, start):
            if kind == 'invalid':
                ok[0] = False
            return ''
        self._scan(convert)
        return ok[0]

    def get_identifiers(self):
        ids = []
        def convert(kind, name, start):
            if kind == 'named' and name not in ids:
                ids.append(name)
            elif kind == 'invalid':
                raise ValueError('Unrecognized named group in pattern', '')
            return ''
        self._scan(convert)
        return ids
`;
