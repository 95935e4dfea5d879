// Lib/tracemalloc.py (3.11): Statistic, StatisticDiff, Frame, Traceback, Trace, _Traces,
// BaseFilter / Filter / DomainFilter, Snapshot (statistics, compare_to, filter_traces,
// dump, load), take_snapshot, get_object_traceback and _format_size, as Python source that
// heapscope compiles on first import. It is heapscope's own code, written to behave as
// 3.11's module does: the same str()/repr() texts, sort orders, error messages and grouping.
//
// Where 3.11's version leans on other modules heapscope does not have (collections.abc,
// functools.total_ordering, fnmatch, linecache, pickle), the comparisons, the glob matcher,
// the source-line lookup and the snapshot store are done here or by private helpers of
// _tracemalloc (_source_line, _dump, _load); dump() and load() use an in-memory store keyed
// by file name instead of the host's files.

export const TRACEMALLOC_SOURCE = String.raw`"""Trace memory blocks allocated by Python (heapscope's tracemalloc)."""

from _tracemalloc import *
from _tracemalloc import _get_object_traceback, _get_traces
import _tracemalloc


def _format_size(size, sign):
    units = ('B', 'KiB', 'MiB', 'GiB', 'TiB')
    for unit in units:
        small = abs(size) < 100
        if small and unit != 'B':
            text = ("%+.1f" if sign else "%.1f") % size
            return text + " " + unit
        if abs(size) < 10 * 1024 or unit == 'TiB':
            text = ("%+.0f" if sign else "%.0f") % size
            return text + " " + unit
        size /= 1024


class Statistic:
    """
    Statistic difference on memory allocations between two Snapshot instance.
    """

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return ((self.traceback, self.size, self.count)
                == (other.traceback, other.size, other.count))

    def __str__(self):
        parts = ["%s: size=%s, count=%i"
                 % (self.traceback, _format_size(self.size, False), self.count)]
        if self.count:
            parts.append("average=%s" % _format_size(self.size / self.count, False))
        return ", ".join(parts)

    def __repr__(self):
        return ('<Statistic traceback=%r size=%i count=%i>'
                % (self.traceback, self.size, self.count))

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """
    Statistic difference on memory allocations between an old and a new
    Snapshot instance.
    """
    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def _fields(self):
        return (self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def __hash__(self):
        return hash(self._fields())

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return self._fields() == other._fields()

    def __str__(self):
        parts = ["%s: size=%s (%s), count=%i (%+i)"
                 % (self.traceback,
                    _format_size(self.size, False),
                    _format_size(self.size_diff, True),
                    self.count, self.count_diff)]
        if self.count:
            parts.append("average=%s" % _format_size(self.size / self.count, False))
        return ", ".join(parts)

    def __repr__(self):
        return ('<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>'
                % self._fields())

    def _sort_key(self):
        return (abs(self.size_diff), self.size,
                abs(self.count_diff), self.count,
                self.traceback)


def _compare_grouped_stats(old_group, new_group):
    result = []
    for traceback, stat in new_group.items():
        before = old_group.pop(traceback, None)
        if before is None:
            result.append(StatisticDiff(traceback, stat.size, stat.size,
                                        stat.count, stat.count))
        else:
            result.append(StatisticDiff(traceback, stat.size,
                                        stat.size - before.size,
                                        stat.count, stat.count - before.count))
    for traceback, stat in old_group.items():
        result.append(StatisticDiff(traceback, 0, -stat.size, 0, -stat.count))
    return result


class Frame:
    """
    Frame of a traceback.
    """
    __slots__ = ("_frame",)

    def __init__(self, frame):
        # (filename: str, lineno: int)
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    def __gt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return other._frame < self._frame

    def __le__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame or self._frame == other._frame

    def __ge__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return other._frame < self._frame or self._frame == other._frame

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return "%s:%s" % self._frame

    def __repr__(self):
        return "<Frame filename=%r lineno=%r>" % self._frame


class Traceback:
    """
    Sequence of Frame instances sorted from the oldest frame
    to the most recent frame.
    """
    __slots__ = ("_frames", '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        # _tracemalloc gives the most recent frame first; the sequence is oldest first.
        self._frames = tuple(frames[::-1])
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Frame(item) for item in self._frames[index]])
        return Frame(self._frames[index])

    def __iter__(self):
        for item in self._frames:
            yield Frame(item)

    def __reversed__(self):
        for item in self._frames[::-1]:
            yield Frame(item)

    def __contains__(self, frame):
        return frame._frame in self._frames

    def index(self, value, start=0, stop=None):
        frames = self._frames
        stop = len(frames) if stop is None else stop
        for position in range(len(frames))[start:stop]:
            if Frame(frames[position]) == value:
                return position
        raise ValueError

    def count(self, value):
        return sum(1 for item in self._frames if Frame(item) == value)

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __gt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return other._frames < self._frames

    def __le__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames or self._frames == other._frames

    def __ge__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return other._frames < self._frames or self._frames == other._frames

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = "<Traceback %r" % (tuple(self),)
        if self._total_nframe is not None:
            text += " total_nframe=%s" % (self._total_nframe,)
        return text + ">"

    def format(self, limit=None, most_recent_first=False):
        if limit is None:
            chosen = list(self)
        elif limit > 0:
            chosen = list(self[-limit:])
        else:
            chosen = list(self[:limit])
        if most_recent_first:
            chosen.reverse()
        lines = []
        for frame in chosen:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            source = _tracemalloc._source_line(frame.filename, frame.lineno).strip()
            if source:
                lines.append('    %s' % source)
        return lines


def get_object_traceback(obj):
    """
    Get the traceback where the Python object *obj* was allocated.
    Return a Traceback instance.

    Return None if the tracemalloc module is not tracing memory allocations or
    did not trace the allocation of the object.
    """
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)


class Trace:
    """
    Trace of a memory block.
    """
    __slots__ = ("_trace",)

    def __init__(self, trace):
        # (domain: int, size: int, traceback: tuple, total_nframe: int)
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(self._trace[2], *self._trace[3:])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return "%s: %s" % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return ("<Trace domain=%s size=%s, traceback=%r>"
                % (self.domain, _format_size(self.size, False), self.traceback))


class _Traces:
    def __init__(self, traces):
        # a sequence of trace tuples (see Trace)
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Trace(item) for item in self._traces[index]])
        return Trace(self._traces[index])

    def __iter__(self):
        for item in self._traces:
            yield Trace(item)

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        if not isinstance(other, _Traces):
            return NotImplemented
        return self._traces == other._traces

    def __repr__(self):
        return "<Traces len=%s>" % len(self)


def _normalize_filename(filename):
    # os.path.normcase is the identity on POSIX.
    if filename.endswith('.pyc'):
        return filename[:-1]
    return filename


def _glob_class(pattern, start):
    # Parses "[...]" at pattern[start]; returns (members, negated, end) or None.
    i = start + 1
    negated = False
    if i < len(pattern) and pattern[i] == '!':
        negated = True
        i += 1
    first = i
    while i < len(pattern) and (pattern[i] != ']' or i == first):
        i += 1
    if i >= len(pattern):
        return None
    body = pattern[first:i]
    members = []
    k = 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == '-':
            members.append((body[k], body[k + 2]))
            k += 3
        else:
            members.append((body[k], body[k]))
            k += 1
    return members, negated, i + 1


_glob_results = {}


def _fnmatch(name, pattern):
    # fnmatch.fnmatchcase: '*', '?', '[seq]', '[!seq]'; matches the whole name.
    tokens = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == '*':
            if not tokens or tokens[-1] != '*':
                tokens.append('*')
            i += 1
        elif ch == '?':
            tokens.append('?')
            i += 1
        elif ch == '[':
            parsed = _glob_class(pattern, i)
            if parsed is None:
                tokens.append(('=', '['))
                i += 1
            else:
                tokens.append(('[', parsed[0], parsed[1]))
                i = parsed[2]
        else:
            tokens.append(('=', ch))
            i += 1
    # reachable[j]: the first j tokens can match the name consumed so far.
    reachable = [True] + [False] * len(tokens)
    for j in range(len(tokens)):
        if tokens[j] == '*' and reachable[j]:
            reachable[j + 1] = True
    for ch in name:
        following = [False] * (len(tokens) + 1)
        for j in range(len(tokens)):
            if not reachable[j]:
                continue
            token = tokens[j]
            if token == '*':
                following[j] = True
            elif token == '?':
                following[j + 1] = True
            elif token[0] == '=':
                if token[1] == ch:
                    following[j + 1] = True
            else:
                inside = False
                for low, high in token[1]:
                    if low <= ch <= high:
                        inside = True
                        break
                if inside != token[2]:
                    following[j + 1] = True
        for j in range(len(tokens)):
            if tokens[j] == '*' and following[j]:
                following[j + 1] = True
        reachable = following
    return reachable[len(tokens)]


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    def __init__(self, inclusive, filename_pattern,
                 lineno=None, all_frames=False, domain=None):
        super().__init__(inclusive)
        self.inclusive = inclusive
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _match_frame_impl(self, filename, lineno):
        # The glob result only depends on the names: remember it (fnmatch caches too).
        key = (filename, self._filename_pattern)
        matched = _glob_results.get(key)
        if matched is None:
            matched = _fnmatch(_normalize_filename(filename), self._filename_pattern)
            _glob_results[key] = matched
        if not matched:
            return False
        return self.lineno is None or lineno == self.lineno

    def _match_frame(self, filename, lineno):
        return self._match_frame_impl(filename, lineno) ^ (not self.inclusive)

    def _match_traceback(self, traceback):
        if not self.all_frames:
            filename, lineno = traceback[0]
            return self._match_frame(filename, lineno)
        for filename, lineno in traceback:
            if self._match_frame_impl(filename, lineno):
                return self.inclusive
        return not self.inclusive

    def _match(self, trace):
        domain = trace[0]
        matched = self._match_traceback(trace[2])
        if self.domain is None:
            return matched
        if self.inclusive:
            return matched and domain == self.domain
        return matched or domain != self.domain


class DomainFilter(BaseFilter):
    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        return (trace[0] == self.domain) ^ (not self.inclusive)


class Snapshot:
    """
    Snapshot of traces of memory blocks allocated by Python.
    """

    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def dump(self, filename):
        """
        Write the snapshot into a file.
        """
        _tracemalloc._dump(filename, (list(self.traces._traces), self.traceback_limit))

    @staticmethod
    def load(filename):
        """
        Load a snapshot from a file.
        """
        traces, traceback_limit = _tracemalloc._load(filename)
        return Snapshot(list(traces), traceback_limit)

    def _filter_trace(self, include_filters, exclude_filters, trace):
        if include_filters:
            for trace_filter in include_filters:
                if trace_filter._match(trace):
                    break
            else:
                return False
        for trace_filter in exclude_filters:
            if not trace_filter._match(trace):
                return False
        return True

    def filter_traces(self, filters):
        """
        Create a new Snapshot instance with a filtered traces sequence, filters
        is a list of Filter or DomainFilter instances.  If filters is an empty
        list, return a new Snapshot instance with a copy of the traces.
        """
        try:
            iter(filters)
        except TypeError:
            raise TypeError("filters must be a list of filters, not %s"
                            % type(filters).__name__) from None
        if not filters:
            return Snapshot(self.traces._traces.copy(), self.traceback_limit)
        include_filters = [f for f in filters if f.inclusive]
        exclude_filters = [f for f in filters if not f.inclusive]
        # Each trace is tested as 3.11 does, without per-call key tuples: they would be freed
        # with this frame, after the snapshot it was called on, and sit on top of the tuple
        # free list where 3.11 leaves that snapshot's (untraced) frame tuples.
        new_traces = [trace for trace in self.traces._traces
                      if self._filter_trace(include_filters, exclude_filters, trace)]
        return Snapshot(new_traces, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError("unknown key_type: %r" % (key_type,))
        if cumulative and key_type not in ('lineno', 'filename'):
            raise ValueError("cumulative mode cannot by used "
                             "with key type %r" % key_type)
        # Sum sizes and counts per raw traceback first (_get_traces shares one tuple per
        # traceback), then merge the sums into Statistic objects per group.
        totals = {}
        for trace in self.traces._traces:
            raw = trace[2]
            entry = totals.get(raw)
            if entry is None:
                totals[raw] = [trace[1], 1]
            else:
                entry[0] += trace[1]
                entry[1] += 1
        stats = {}
        for raw, (size, count) in totals.items():
            if cumulative:
                groups = [((frame,) if key_type == 'lineno' else ((frame[0], 0),))
                          for frame in raw]
            elif key_type == 'traceback':
                groups = [raw]
            elif key_type == 'lineno':
                groups = [raw[:1]]
            else:
                groups = [((raw[0][0], 0),)]
            for frames in groups:
                traceback = Traceback(frames)
                stat = stats.get(traceback)
                if stat is None:
                    stats[traceback] = Statistic(traceback, size, count)
                else:
                    stat.size += size
                    stat.count += count
        return stats

    def statistics(self, key_type, cumulative=False):
        """
        Group statistics by key_type. Return a sorted list of Statistic
        instances.
        """
        result = list(self._group_by(key_type, cumulative).values())
        result.sort(reverse=True, key=Statistic._sort_key)
        return result

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """
        Compute the differences with an old snapshot old_snapshot. Get
        statistics as a sorted list of StatisticDiff instances, grouped by
        group_by.
        """
        new_group = self._group_by(key_type, cumulative)
        old_group = old_snapshot._group_by(key_type, cumulative)
        result = _compare_grouped_stats(old_group, new_group)
        result.sort(reverse=True, key=StatisticDiff._sort_key)
        return result


def take_snapshot():
    """
    Take a snapshot of traces of memory blocks allocated by Python.
    """
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory "
                           "allocations to take a snapshot")
    traces = _get_traces()
    traceback_limit = get_traceback_limit()
    return Snapshot(traces, traceback_limit)
`;
