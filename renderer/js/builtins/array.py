"""Array (constructor, statics) and Array.prototype.

Arrays are Python lists without holes (a hole reads as ``undefined``, as ``new Array(3)``
makes).  Callbacks get ``(item, float(index), array)``; iteration methods read elements live
up to the length the array had when the call started, like V8.  ``entries``/``keys``/
``values`` return live iterator objects (``collections.JSIterator``).

``sort`` is Python's list sort, which is the same TimSort as V8's (binary insertion sort on
runs, the same run detection and comparison pattern), so comparators — even inconsistent
ones such as ``(a, b) => a > b`` — give V8's results; undefined values go last and the
default order compares ``String(x)`` by UTF-16 code units.
"""

from __future__ import annotations

from functools import cmp_to_key
from typing import Any

from ..limits import charge
from ..members import (
    ITERATORS,
    MAX_ARRAY_LENGTH,
    check_array_length,
    check_string_length,
    define_methods,
    get_member,
    indexed_values,
    iterate,
)
from ..values import (
    UNDEFINED,
    JSFunction,
    NativeFunction,
    number_to_string,
    range_error,
    relative_index,
    to_boolean,
    to_integer_or_infinity,
    to_number,
    to_string,
    type_error,
)
from .collections import JSIterator
from .function import describe
from .instance import register_instance_check
from .object import object_to_string


def _not_fn(fn: Any) -> Any:
    return type_error(f"{describe(fn)} is not a function")


def to_list(this: Any, method: str) -> list:
    """``this`` as a list: arrays as themselves, other array-likes copied."""
    if type(this) is list:
        return this
    if this is None or this is UNDEFINED:
        type_error(f"Array.prototype.{method} called on null or undefined")
    if type(this) is str:
        return list(this)
    if type(this) in (float, bool):
        return []
    n = to_number(get_member(this, "length"))
    if n != n or n <= 0:
        return []
    n = int(n)
    check_array_length(n)
    if type(this) is dict:
        return indexed_values(this, n)
    return [get_member(this, float(i)) for i in range(n)]


def _fn_arg(args: list) -> Any:
    fn = args[0] if args else UNDEFINED
    if not isinstance(fn, JSFunction):
        _not_fn(fn)
    return fn


# ---------------------------------------------------------------------------- strict search


def index_of_strict(lst: list, x: Any, start: int = 0) -> int:
    """First index ``>= start`` with ``lst[i] === x``, or -1."""
    t = type(x)
    if t is str or x is None or x is UNDEFINED:
        try:
            return lst.index(x, start)
        except ValueError:
            return -1
    if t is float or t is bool:
        if x != x:
            return -1
        i = start
        while True:
            try:
                i = lst.index(x, i)
            except ValueError:
                return -1
            if type(lst[i]) is t:
                return i
            i += 1
    for i in range(start, len(lst)):
        if lst[i] is x:
            return i
    return -1


def _last_index_strict(lst: list, x: Any, start: int) -> int:
    t = type(x)
    if t is float and x != x:
        return -1
    for i in range(start, -1, -1):
        e = lst[i]
        if e is x or (type(e) is t and (t is float or t is str or t is bool) and e == x):
            return i
    return -1


def includes_same_value_zero(lst: list, x: Any, start: int = 0) -> bool:
    if type(x) is float and x != x:
        for i in range(start, len(lst)):
            e = lst[i]
            if type(e) is float and e != e:
                return True
        return False
    return index_of_strict(lst, x, start) >= 0


# ---------------------------------------------------------------------------- join / toString

_joining: set[int] = set()


def _join_part(e: Any) -> str:
    t = type(e)
    if t is str:
        return e
    if t is float:
        return number_to_string(e)
    if e is None or e is UNDEFINED:
        return ""
    if t is list:
        return join_list(e, ",")
    return to_string(e)


def join_list(lst: list, sep: str = ",") -> str:
    """Array.prototype.join's string (nested arrays join with ``,``; cycles give ``''``).

    The result's length is checked before it is built (a million copies of a long string).
    """
    seps = len(sep) * (len(lst) - 1) if lst else 0
    try:
        size = sum(map(len, lst)) + seps  # exact when every item is a string
    except TypeError:
        size = -1
    if size >= 0:
        check_string_length(size)
        try:
            return sep.join(lst)  # all strings: the common case
        except TypeError:
            pass
    k = id(lst)
    if k in _joining:
        return ""
    _joining.add(k)
    try:
        charge(len(lst))
        parts = [_join_part(e) for e in lst]
        check_string_length(sum(map(len, parts)) + seps)
        return sep.join(parts)
    finally:
        _joining.discard(k)


def _join(this: Any, args: list) -> str:
    lst = this if type(this) is list else to_list(this, "join")
    if not args or args[0] is UNDEFINED:
        return join_list(lst, ",")
    sep = args[0]
    return join_list(lst, sep if type(sep) is str else to_string(sep))


def _to_string(this: Any, args: list) -> str:
    if type(this) is not list:
        return object_to_string(this, [])
    return _join(this, [])


def _to_locale_string(this: Any, args: list) -> str:
    lst = to_list(this, "toLocaleString")
    parts = []
    for e in lst:
        if e is None or e is UNDEFINED:
            parts.append("")
        else:
            fn = get_member(e, "toLocaleString")
            parts.append(
                to_string(fn.call(e, list(args))) if isinstance(fn, JSFunction) else to_string(e)
            )
    return ",".join(parts)


# ---------------------------------------------------------------------------- callbacks


def _for_each(this: Any, args: list) -> Any:
    lst = to_list(this, "forEach")
    fn = _fn_arg(args)
    call = fn.call
    this_arg = args[1] if len(args) > 1 else UNDEFINED
    n = len(lst)
    try:
        for i in range(n):
            call(this_arg, [lst[i], float(i), this])
    except IndexError:
        pass
    return UNDEFINED


def _map(this: Any, args: list) -> list:
    lst = to_list(this, "map")
    fn = _fn_arg(args)
    call = fn.call
    this_arg = args[1] if len(args) > 1 else UNDEFINED
    n = len(lst)
    out: list = []
    append = out.append
    try:
        for i in range(n):
            append(call(this_arg, [lst[i], float(i), this]))
    except IndexError:
        out.extend([UNDEFINED] * (n - len(out)))
    return out


def _filter(this: Any, args: list) -> list:
    lst = to_list(this, "filter")
    fn = _fn_arg(args)
    call = fn.call
    this_arg = args[1] if len(args) > 1 else UNDEFINED
    out = []
    n = len(lst)
    try:
        for i in range(n):
            x = lst[i]
            r = call(this_arg, [x, float(i), this])
            if r is True or (r is not False and to_boolean(r)):
                out.append(x)
    except IndexError:
        pass
    return out


def _some(this: Any, args: list) -> bool:
    lst = to_list(this, "some")
    fn = _fn_arg(args)
    call = fn.call
    this_arg = args[1] if len(args) > 1 else UNDEFINED
    try:
        for i in range(len(lst)):
            if to_boolean(call(this_arg, [lst[i], float(i), this])):
                return True
    except IndexError:
        pass
    return False


def _every(this: Any, args: list) -> bool:
    lst = to_list(this, "every")
    fn = _fn_arg(args)
    call = fn.call
    this_arg = args[1] if len(args) > 1 else UNDEFINED
    try:
        for i in range(len(lst)):
            if not to_boolean(call(this_arg, [lst[i], float(i), this])):
                return False
    except IndexError:
        pass
    return True


def _find_impl(this: Any, args: list, method: str, reverse: bool, want_index: bool) -> Any:
    lst = to_list(this, method)
    fn = _fn_arg(args)
    call = fn.call
    this_arg = args[1] if len(args) > 1 else UNDEFINED
    n = len(lst)
    rng = range(n - 1, -1, -1) if reverse else range(n)
    for i in rng:
        x = lst[i] if i < len(lst) else UNDEFINED
        if to_boolean(call(this_arg, [x, float(i), this])):
            return float(i) if want_index else x
    return -1.0 if want_index else UNDEFINED


def _find(this: Any, args: list) -> Any:
    return _find_impl(this, args, "find", False, False)


def _find_index(this: Any, args: list) -> Any:
    return _find_impl(this, args, "findIndex", False, True)


def _find_last(this: Any, args: list) -> Any:
    return _find_impl(this, args, "findLast", True, False)


def _find_last_index(this: Any, args: list) -> Any:
    return _find_impl(this, args, "findLastIndex", True, True)


def _reduce(this: Any, args: list) -> Any:
    lst = to_list(this, "reduce")
    fn = _fn_arg(args)
    call = fn.call
    n = len(lst)
    i = 0
    if len(args) > 1:
        acc = args[1]
    else:
        if n == 0:
            type_error("Reduce of empty array with no initial value")
        acc = lst[0]
        i = 1
    try:
        while i < n:
            acc = call(UNDEFINED, [acc, lst[i], float(i), this])
            i += 1
    except IndexError:
        pass
    return acc


def _reduce_right(this: Any, args: list) -> Any:
    lst = to_list(this, "reduceRight")
    fn = _fn_arg(args)
    call = fn.call
    i = len(lst) - 1
    if len(args) > 1:
        acc = args[1]
    else:
        if i < 0:
            type_error("Reduce of empty array with no initial value")
        acc = lst[i]
        i -= 1
    while i >= 0:
        if i < len(lst):
            acc = call(UNDEFINED, [acc, lst[i], float(i), this])
        i -= 1
    return acc


def _flat_into(out: list, items: list, depth: float) -> None:
    for x in items:
        if type(x) is list and depth >= 1:
            _flat_into(out, x, depth - 1)
        else:
            out.append(x)
    if len(out) > MAX_ARRAY_LENGTH:
        range_error("Invalid array length")


def _flat(this: Any, args: list) -> list:
    lst = to_list(this, "flat")
    depth = 1.0 if not args or args[0] is UNDEFINED else to_integer_or_infinity(args[0])
    out: list = []
    try:
        _flat_into(out, lst, depth)
    except RecursionError:
        range_error("Maximum call stack size exceeded")
    return out


def _flat_map(this: Any, args: list) -> list:
    lst = to_list(this, "flatMap")
    fn = args[0] if args else UNDEFINED
    if not isinstance(fn, JSFunction):
        type_error("flatMap mapper function is not callable")
    call = fn.call
    this_arg = args[1] if len(args) > 1 else UNDEFINED
    out: list = []
    for i in range(len(lst)):
        if i >= len(lst):
            break
        r = call(this_arg, [lst[i], float(i), this])
        if type(r) is list:
            out.extend(r)
        else:
            out.append(r)
    check_array_length(len(out))
    return out


# ---------------------------------------------------------------------------- search


def _index_of(this: Any, args: list) -> float:
    lst = to_list(this, "indexOf")
    x = args[0] if args else UNDEFINED
    start = 0
    if len(args) > 1:
        start = relative_index(args[1], len(lst), 0)
    return float(index_of_strict(lst, x, start))


def _last_index_of(this: Any, args: list) -> float:
    lst = to_list(this, "lastIndexOf")
    n = len(lst)
    if n == 0:
        return -1.0
    x = args[0] if args else UNDEFINED
    start = n - 1
    if len(args) > 1:
        k = to_integer_or_infinity(args[1])
        start = int(min(k, n - 1)) if k >= 0 else int(n + k)
    if start < 0:
        return -1.0
    return float(_last_index_strict(lst, x, start))


def _includes(this: Any, args: list) -> bool:
    lst = to_list(this, "includes")
    x = args[0] if args else UNDEFINED
    start = 0
    if len(args) > 1:
        start = relative_index(args[1], len(lst), 0)
    return includes_same_value_zero(lst, x, start)


def _at(this: Any, args: list) -> Any:
    lst = to_list(this, "at")
    n = len(lst)
    i = to_integer_or_infinity(args[0]) if args else 0.0
    if i < 0:
        i += n
    if 0 <= i < n:
        return lst[int(i)]
    return UNDEFINED


# ---------------------------------------------------------------------------- mutators


def _require_list(this: Any, method: str) -> list:
    if type(this) is list:
        return this
    return to_list(this, method)


def _push(this: Any, args: list) -> float:
    lst = _require_list(this, "push")
    if len(args) == 1:
        lst.append(args[0])
    else:
        lst.extend(args)
    n = len(lst)
    if n > MAX_ARRAY_LENGTH:
        del lst[n - len(args) :]
        range_error("Invalid array length")
    return float(n)


def _pop(this: Any, args: list) -> Any:
    lst = _require_list(this, "pop")
    return lst.pop() if lst else UNDEFINED


def _shift(this: Any, args: list) -> Any:
    lst = _require_list(this, "shift")
    return lst.pop(0) if lst else UNDEFINED


def _unshift(this: Any, args: list) -> float:
    lst = _require_list(this, "unshift")
    if args:
        check_array_length(len(lst) + len(args))
        lst[0:0] = args
    return float(len(lst))


def _reverse(this: Any, args: list) -> Any:
    lst = _require_list(this, "reverse")
    lst.reverse()
    return this


def _fill(this: Any, args: list) -> Any:
    lst = _require_list(this, "fill")
    n = len(lst)
    v = args[0] if args else UNDEFINED
    start = relative_index(args[1] if len(args) > 1 else UNDEFINED, n, 0)
    end = relative_index(args[2] if len(args) > 2 else UNDEFINED, n, n)
    if start < end:
        lst[start:end] = [v] * (end - start)
    return this


def _copy_within(this: Any, args: list) -> Any:
    lst = _require_list(this, "copyWithin")
    n = len(lst)
    target = relative_index(args[0] if args else UNDEFINED, n, 0)
    if not args:
        target = 0
    start = relative_index(args[1] if len(args) > 1 else UNDEFINED, n, 0)
    end = relative_index(args[2] if len(args) > 2 else UNDEFINED, n, n)
    count = min(end - start, n - target)
    if count > 0:
        lst[target : target + count] = lst[start : start + count]
    return this


def _splice_args(n: int, args: list) -> tuple[int, int, list]:
    start = relative_index(args[0] if args else UNDEFINED, n, 0)
    if not args:
        return start, 0, []
    if len(args) == 1:
        return start, n - start, []
    dc = to_integer_or_infinity(args[1])
    dc = int(min(max(dc, 0), n - start))
    return start, dc, list(args[2:])


def _splice(this: Any, args: list) -> list:
    lst = _require_list(this, "splice")
    start, dc, items = _splice_args(len(lst), args)
    removed = lst[start : start + dc]
    check_array_length(len(lst) - dc + len(items))
    lst[start : start + dc] = items
    return removed


def _to_spliced(this: Any, args: list) -> list:
    lst = to_list(this, "toSpliced")
    start, dc, items = _splice_args(len(lst), args)
    check_array_length(len(lst) - dc + len(items))
    return lst[:start] + items + lst[start + dc :]


# ---------------------------------------------------------------------------- sort


def sort_values(items: list, comparefn: Any) -> list:
    """Sort a list like Array.prototype.sort (undefined last); returns a new list."""
    if comparefn is not UNDEFINED and not isinstance(comparefn, JSFunction):
        type_error("The comparison function must be either a function or undefined")
    charge(len(items))  # the clock is looked at before a long sort (a comparator ticks itself)
    defined = [x for x in items if x is not UNDEFINED]
    n_undef = len(items) - len(defined)
    if comparefn is UNDEFINED:
        try:
            if all(type(x) is str for x in defined):
                defined.sort()
            else:
                defined.sort(key=to_string)  # the default order compares ToString(x)
        except TypeError:
            defined.sort(key=to_string)  # the default order compares ToString(x)
    else:
        call = comparefn.call

        def cmp(a: Any, b: Any) -> float:
            r = call(UNDEFINED, [a, b])
            if type(r) is not float:
                r = to_number(r)
            return 0.0 if r != r else r

        defined.sort(key=cmp_to_key(cmp))  # type: ignore[arg-type]  # the stub wants int; cmp_to_key only compares the result with 0
    if n_undef:
        defined.extend([UNDEFINED] * n_undef)
    return defined


def _sort(this: Any, args: list) -> Any:
    lst = _require_list(this, "sort")
    result = sort_values(lst, args[0] if args else UNDEFINED)
    lst[:] = result
    return this


def _to_sorted(this: Any, args: list) -> list:
    return sort_values(to_list(this, "toSorted"), args[0] if args else UNDEFINED)


# ---------------------------------------------------------------------------- copies


def _slice(this: Any, args: list) -> list:
    lst = to_list(this, "slice")
    if not args:
        return lst[:]
    n = len(lst)
    start = relative_index(args[0], n, 0)
    end = relative_index(args[1] if len(args) > 1 else UNDEFINED, n, n)
    return lst[start:end]


def _concat(this: Any, args: list) -> list:
    lst = to_list(this, "concat")
    check_array_length(len(lst) + sum(len(a) if type(a) is list else 1 for a in args))
    out = lst[:]
    for a in args:
        if type(a) is list:
            out.extend(a)
        else:
            out.append(a)
    return out


def _to_reversed(this: Any, args: list) -> list:
    lst = to_list(this, "toReversed")
    return lst[::-1]


def _with(this: Any, args: list) -> list:
    lst = to_list(this, "with")
    n = len(lst)
    rel = to_integer_or_infinity(args[0]) if args else 0.0
    idx = rel + n if rel < 0 else rel
    if not (0 <= idx < n):
        range_error(f"Invalid index : {number_to_string(rel)}")
    out = lst[:]
    out[int(idx)] = args[1] if len(args) > 1 else UNDEFINED
    return out


# ---------------------------------------------------------------------------- iterators


def _live_indices(lst: list):
    i = 0
    while i < len(lst):
        yield i
        i += 1


def _entries(this: Any, args: list) -> JSIterator:
    lst = to_list(this, "entries")
    return JSIterator([float(i), lst[i]] for i in _live_indices(lst))


def _keys(this: Any, args: list) -> JSIterator:
    lst = to_list(this, "keys")
    return JSIterator(float(i) for i in _live_indices(lst))


def _values(this: Any, args: list) -> JSIterator:
    lst = to_list(this, "values")
    return JSIterator(lst[i] for i in _live_indices(lst))


define_methods(
    list,
    at=_at,
    concat=_concat,
    copyWithin=_copy_within,
    entries=_entries,
    every=_every,
    fill=_fill,
    filter=_filter,
    find=_find,
    findIndex=_find_index,
    findLast=_find_last,
    findLastIndex=_find_last_index,
    flat=_flat,
    flatMap=_flat_map,
    forEach=_for_each,
    includes=_includes,
    indexOf=_index_of,
    join=_join,
    keys=_keys,
    lastIndexOf=_last_index_of,
    map=_map,
    pop=_pop,
    push=_push,
    reduce=_reduce,
    reduceRight=_reduce_right,
    reverse=_reverse,
    shift=_shift,
    slice=_slice,
    some=_some,
    sort=_sort,
    splice=_splice,
    toLocaleString=_to_locale_string,
    toReversed=_to_reversed,
    toSorted=_to_sorted,
    toSpliced=_to_spliced,
    toString=_to_string,
    unshift=_unshift,
    values=_values,
    with_=_with,
)


# ---------------------------------------------------------------------------- Array


def is_iterable(v: Any) -> bool:
    t = type(v)
    if t is list or t is str:
        return True
    return any(base in ITERATORS for base in t.__mro__)


def _array_ctor(args: list) -> list:
    if len(args) == 1 and type(args[0]) is float:
        n = args[0]
        if n != n or n < 0 or n != int(n) or n >= 4294967296:
            range_error("Invalid array length")
        check_array_length(int(n))
        return [UNDEFINED] * int(n)
    return list(args)


def _array_from(this: Any, args: list) -> list:
    items = args[0] if args else UNDEFINED
    fn = args[1] if len(args) > 1 else UNDEFINED
    if fn is not UNDEFINED and not isinstance(fn, JSFunction):
        _not_fn(fn)
    this_arg = args[2] if len(args) > 2 else UNDEFINED
    if items is None or items is UNDEFINED:
        kind = "object null" if items is None else "undefined"
        type_error(f"{kind} is not iterable (cannot read property Symbol(Symbol.iterator))")
    if type(items) is list:
        out = items[:]
    elif is_iterable(items):
        out = []
        for v in iterate(items):
            out.append(v)
            if len(out) > MAX_ARRAY_LENGTH:
                range_error("Invalid array length")
    else:
        out = to_list(items, "from") if type(items) not in (float, bool) else []
    if fn is not UNDEFINED:
        call = fn.call
        out = [call(this_arg, [v, float(i)]) for i, v in enumerate(out)]
    return out


def _is_array(this: Any, args: list) -> bool:
    return bool(args) and type(args[0]) is list


Array = NativeFunction("Array", lambda this, args: _array_ctor(args), 1, _array_ctor)
Array.props.update(
    {
        "isArray": NativeFunction("isArray", _is_array, 1),
        "of": NativeFunction("of", lambda this, args: list(args), 0),
        "from": NativeFunction("from", _array_from, 1),
    }
)
register_instance_check(Array, lambda v: type(v) is list)


GLOBALS: dict[str, Any] = {"Array": Array}
