"""Lodash 4 as the template global ``_``: lodash's exact results on kview values.

Every function here is a port of the algorithm in lodash.js 4.17/4.18 (the copy in
``.cache/npm/node_modules/lodash`` is the oracle the tests diff against), quirks included:
iteratee shorthands (``'a.b'``, ``{a: 1}``, ``['a', 1]``), array-likes and strings as
collections, own-key order (``own_keys``), SameValueZero membership, ``compareAscending``
ordering of ``null``/``undefined``/``NaN``, ``toKey``'s ``'-0'``, ``createRound``'s exponent
shift, and which arguments each iteratee receives (``map`` passes ``(value, index, coll)``,
``sortBy``/``groupBy``/``uniqBy`` pass only ``value``).

Deliberate deviations (no prototypes, classes, Symbols or chaining in kview):

* ``_`` is a namespace, not a function: ``_(x)`` / ``_.chain`` are not provided.
* ``debounce``/``throttle`` call through immediately (there is no timer in a render);
  the returned function has no-op ``cancel`` and a ``flush`` returning the last result.
* ``cloneDeep``/``merge`` copy plain objects, arrays, Dates and RegExps; other kview objects
  (Map, Set, React elements) are kept by reference.
* ``isPlainObject`` is true only for ``dict``; ``isEqual`` compares non-plain kview objects
  other than Date/RegExp/Error/Map/Set by identity.
* Lists cannot carry named properties, so lodash writes of non-index keys onto arrays
  (``_.set([], 'x', 1)``) are dropped, as ``set_member`` does.
* ``truncate`` with a RegExp ``separator`` finds the last match with the string ``search``
  member, an approximation of lodash's ``exec`` loop.

The package, one module a job: ``core`` (shared helpers, type tags, conversions, the ``_``
object), ``paths`` (property paths), ``equality`` (isEqual), ``iteratees`` (shorthands),
``objects``, ``collections``, ``arrays``, ``sorting`` (compareAscending, sorted arrays),
``math``, ``lang``, ``strings`` and ``functions``, named after the categories of lodash's own
documentation (so ``collections`` is lodash's "Collection" functions, not Map and Set); this
module assembles the namespace from their functions in one table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from renderer.js.values import JSNamespace, NativeFunction, less_than

from .arrays import (
    l_chunk,
    l_compact,
    l_concat,
    l_difference,
    l_difference_by,
    l_difference_with,
    l_drop,
    l_drop_right,
    l_drop_right_while,
    l_drop_while,
    l_fill,
    l_flatten,
    l_flatten_deep,
    l_flatten_depth,
    l_head,
    l_index_of,
    l_initial,
    l_intersection,
    l_intersection_by,
    l_intersection_with,
    l_join,
    l_last,
    l_last_index_of,
    l_nth,
    l_pull,
    l_pull_all,
    l_pull_at,
    l_range,
    l_range_right,
    l_remove,
    l_reverse,
    l_slice,
    l_tail,
    l_take,
    l_take_right,
    l_take_right_while,
    l_take_while,
    l_times,
    l_union,
    l_union_by,
    l_union_with,
    l_uniq,
    l_uniq_by,
    l_uniq_with,
    l_unzip,
    l_unzip_with,
    l_without,
    l_xor,
    l_xor_by,
    l_zip,
    l_zip_object,
    l_zip_with,
)
from .collections import (
    l_count_by,
    l_every,
    l_filter,
    l_find,
    l_find_index,
    l_find_last,
    l_find_last_index,
    l_flat_map,
    l_flat_map_deep,
    l_for_each,
    l_for_each_right,
    l_group_by,
    l_includes,
    l_key_by,
    l_map,
    l_partition,
    l_reduce,
    l_reduce_right,
    l_reject,
    l_sample,
    l_sample_size,
    l_shuffle,
    l_some,
)
from .core import LODASH, _js_ceil, _js_floor, _js_round
from .functions import (
    _flow,
    _over,
    _partial,
    _pass_through,
    l_after,
    l_ary,
    l_attempt,
    l_before,
    l_bind,
    l_constant,
    l_identity,
    l_iteratee,
    l_matches,
    l_matches_property,
    l_memoize,
    l_negate,
    l_noop,
    l_nth_arg,
    l_once,
    l_property,
    l_unary,
    l_unique_id,
)
from .lang import (
    _relational,
    _tests,
    _type_test,
    l_cast_array,
    l_default_to,
    l_eq,
    l_is_empty,
    l_is_equal,
    l_is_error,
    l_is_integer,
    l_is_length,
    l_is_match,
    l_is_plain_object,
    l_is_safe_integer,
    l_to_array,
    l_to_finite,
    l_to_integer,
    l_to_length,
    l_to_number,
    l_to_plain_object,
    l_to_safe_integer,
    l_to_string,
)
from .math import (
    _add,
    _create_round,
    _div,
    _math_op,
    _mul,
    _sub,
    l_clamp,
    l_in_range,
    l_max,
    l_max_by,
    l_mean,
    l_mean_by,
    l_min,
    l_min_by,
    l_random,
    l_sum,
    l_sum_by,
)
from .objects import (
    l_assign,
    l_at,
    l_clone,
    l_clone_deep,
    l_defaults,
    l_defaults_deep,
    l_find_key,
    l_find_last_key,
    l_for_own,
    l_for_own_right,
    l_from_pairs,
    l_functions,
    l_get,
    l_has,
    l_has_in,
    l_invert,
    l_invert_by,
    l_invoke,
    l_keys,
    l_map_keys,
    l_map_values,
    l_merge,
    l_merge_with,
    l_omit,
    l_omit_by,
    l_pick,
    l_pick_by,
    l_result,
    l_set,
    l_size,
    l_to_pairs,
    l_to_path,
    l_transform,
    l_unset,
    l_update,
    l_values,
)
from .sorting import (
    l_order_by,
    l_sort_by,
    l_sorted_index,
    l_sorted_index_by,
    l_sorted_index_of,
    l_sorted_last_index,
    l_sorted_last_index_by,
    l_sorted_last_index_of,
    l_sorted_uniq,
    l_sorted_uniq_by,
)
from .strings import (
    l_camel_case,
    l_capitalize,
    l_deburr,
    l_ends_with,
    l_escape,
    l_escape_reg_exp,
    l_kebab_case,
    l_lower_case,
    l_lower_first,
    l_pad,
    l_pad_end,
    l_pad_start,
    l_parse_int,
    l_repeat,
    l_replace,
    l_snake_case,
    l_split,
    l_start_case,
    l_starts_with,
    l_to_lower,
    l_to_upper,
    l_trim,
    l_trim_end,
    l_trim_start,
    l_truncate,
    l_unescape,
    l_upper_case,
    l_upper_first,
    l_words,
)

_TABLE: list[tuple[str, Callable[[Any, list], Any], int]] = [
    # objects
    ("get", l_get, 3), ("set", l_set, 3), ("update", l_update, 3), ("has", l_has, 2),
    ("hasIn", l_has_in, 2), ("unset", l_unset, 2), ("pick", l_pick, 2), ("pickBy", l_pick_by, 2),
    ("omit", l_omit, 2), ("omitBy", l_omit_by, 2), ("merge", l_merge, 2),
    ("mergeWith", l_merge_with, 3), ("assign", l_assign, 2), ("assignIn", l_assign, 2),
    ("extend", l_assign, 2), ("defaults", l_defaults, 2), ("defaultsDeep", l_defaults_deep, 2),
    ("clone", l_clone, 1), ("cloneDeep", l_clone_deep, 1), ("keys", l_keys, 1),
    ("keysIn", l_keys, 1), ("values", l_values, 1), ("valuesIn", l_values, 1),
    ("entries", l_to_pairs, 1), ("toPairs", l_to_pairs, 1), ("entriesIn", l_to_pairs, 1),
    ("toPairsIn", l_to_pairs, 1), ("fromPairs", l_from_pairs, 1), ("mapValues", l_map_values, 2),
    ("mapKeys", l_map_keys, 2), ("invert", l_invert, 1), ("result", l_result, 3), ("at", l_at, 2),
    ("toPath", l_to_path, 1), ("findKey", l_find_key, 2), ("findLastKey", l_find_last_key, 2),
    ("forOwn", l_for_own, 2), ("forIn", l_for_own, 2), ("forOwnRight", l_for_own_right, 2),
    ("forInRight", l_for_own_right, 2), ("transform", l_transform, 3), ("size", l_size, 1),
    # collections
    ("map", l_map, 2), ("flatMap", l_flat_map, 2), ("flatMapDeep", l_flat_map_deep, 2),
    ("filter", l_filter, 2), ("reject", l_reject, 2), ("find", l_find, 3),
    ("findLast", l_find_last, 3), ("findIndex", l_find_index, 3),
    ("findLastIndex", l_find_last_index, 3), ("forEach", l_for_each, 2), ("each", l_for_each, 2),
    ("forEachRight", l_for_each_right, 2), ("eachRight", l_for_each_right, 2),
    ("reduce", l_reduce, 3), ("reduceRight", l_reduce_right, 3), ("some", l_some, 3),
    ("every", l_every, 3), ("includes", l_includes, 3), ("groupBy", l_group_by, 2),
    ("keyBy", l_key_by, 2), ("countBy", l_count_by, 2), ("partition", l_partition, 2),
    ("sortBy", l_sort_by, 1), ("orderBy", l_order_by, 4), ("shuffle", l_shuffle, 1),
    ("sample", l_sample, 1), ("sampleSize", l_sample_size, 2),
    # arrays
    ("sum", l_sum, 1), ("sumBy", l_sum_by, 2), ("mean", l_mean, 1), ("meanBy", l_mean_by, 2),
    ("max", l_max, 1), ("min", l_min, 1), ("maxBy", l_max_by, 2), ("minBy", l_min_by, 2),
    ("first", l_head, 1), ("head", l_head, 1), ("last", l_last, 1), ("nth", l_nth, 2),
    ("take", l_take, 3), ("takeRight", l_take_right, 3), ("drop", l_drop, 3),
    ("dropRight", l_drop_right, 3), ("takeWhile", l_take_while, 2),
    ("takeRightWhile", l_take_right_while, 2), ("dropWhile", l_drop_while, 2),
    ("dropRightWhile", l_drop_right_while, 2), ("flatten", l_flatten, 1),
    ("flattenDeep", l_flatten_deep, 1), ("flattenDepth", l_flatten_depth, 2),
    ("chunk", l_chunk, 3), ("compact", l_compact, 1), ("concat", l_concat, 0),
    ("difference", l_difference, 1), ("differenceBy", l_difference_by, 1),
    ("differenceWith", l_difference_with, 1), ("intersection", l_intersection, 0),
    ("intersectionBy", l_intersection_by, 0), ("intersectionWith", l_intersection_with, 0),
    ("union", l_union, 0), ("unionBy", l_union_by, 0), ("unionWith", l_union_with, 0),
    ("uniq", l_uniq, 1), ("uniqBy", l_uniq_by, 2), ("uniqWith", l_uniq_with, 2),
    ("without", l_without, 1), ("xor", l_xor, 0), ("xorBy", l_xor_by, 0), ("zip", l_zip, 0),
    ("unzip", l_unzip, 1), ("zipObject", l_zip_object, 2), ("range", l_range, 3),
    ("rangeRight", l_range_right, 3), ("times", l_times, 2), ("indexOf", l_index_of, 3),
    ("lastIndexOf", l_last_index_of, 3), ("join", l_join, 2), ("reverse", l_reverse, 1),
    ("slice", l_slice, 3), ("tail", l_tail, 1), ("initial", l_initial, 1), ("fill", l_fill, 4),
    ("pull", l_pull, 2), ("pullAll", l_pull_all, 2), ("remove", l_remove, 2),
    ("sortedIndex", l_sorted_index, 2), ("sortedLastIndex", l_sorted_last_index, 2),
    ("sortedIndexBy", l_sorted_index_by, 3), ("sortedLastIndexBy", l_sorted_last_index_by, 3),
    ("sortedUniq", l_sorted_uniq, 1),
    # lang
    ("isEmpty", l_is_empty, 1), ("isEqual", l_is_equal, 2), ("isMatch", l_is_match, 2),
    ("isPlainObject", l_is_plain_object, 1), ("isInteger", l_is_integer, 1),
    ("isSafeInteger", l_is_safe_integer, 1), ("isLength", l_is_length, 1),
    ("isError", l_is_error, 1), ("toNumber", l_to_number, 1), ("toString", l_to_string, 1),
    ("toInteger", l_to_integer, 1), ("toFinite", l_to_finite, 1),
    ("toSafeInteger", l_to_safe_integer, 1), ("toLength", l_to_length, 1),
    ("toArray", l_to_array, 1), ("toPlainObject", l_to_plain_object, 1),
    ("castArray", l_cast_array, 0), ("clamp", l_clamp, 3), ("inRange", l_in_range, 3),
    ("defaultTo", l_default_to, 2),
    # strings
    ("words", l_words, 3), ("camelCase", l_camel_case, 1), ("kebabCase", l_kebab_case, 1),
    ("snakeCase", l_snake_case, 1), ("startCase", l_start_case, 1),
    ("lowerCase", l_lower_case, 1), ("upperCase", l_upper_case, 1),
    ("capitalize", l_capitalize, 1), ("upperFirst", l_upper_first, 1),
    ("lowerFirst", l_lower_first, 1), ("deburr", l_deburr, 1), ("truncate", l_truncate, 2),
    ("pad", l_pad, 3), ("padStart", l_pad_start, 3), ("padEnd", l_pad_end, 3),
    ("trim", l_trim, 3), ("trimStart", l_trim_start, 3), ("trimEnd", l_trim_end, 3),
    ("repeat", l_repeat, 3), ("replace", l_replace, 0), ("split", l_split, 3),
    ("escape", l_escape, 1), ("unescape", l_unescape, 1), ("escapeRegExp", l_escape_reg_exp, 1),
    ("startsWith", l_starts_with, 3), ("endsWith", l_ends_with, 3), ("toLower", l_to_lower, 1),
    ("toUpper", l_to_upper, 1), ("parseInt", l_parse_int, 3),
    # math
    ("add", _math_op(_add, 0.0), 2), ("subtract", _math_op(_sub, 0.0), 2),
    ("multiply", _math_op(_mul, 1.0), 2), ("divide", _math_op(_div, 1.0), 2),
    ("round", _create_round(_js_round), 2), ("floor", _create_round(_js_floor), 2),
    ("ceil", _create_round(_js_ceil), 2), ("random", l_random, 3),
    # functions and utilities
    ("identity", l_identity, 1), ("noop", l_noop, 0), ("constant", l_constant, 1),
    ("debounce", _pass_through, 3), ("throttle", _pass_through, 3), ("memoize", l_memoize, 2),
    ("once", l_once, 1), ("negate", l_negate, 1),
    ("flow", lambda this, a: _flow(a, False), 0), ("flowRight", lambda this, a: _flow(a, True), 0),
    ("attempt", l_attempt, 0), ("uniqueId", l_unique_id, 1), ("iteratee", l_iteratee, 1),
    ("property", l_property, 1), ("matches", l_matches, 1),
    ("matchesProperty", l_matches_property, 2),
    ("eq", l_eq, 2), ("gt", _relational(lambda a, b: less_than(b, a) is True), 2),
    ("gte", _relational(lambda a, b: less_than(a, b) is False), 2),
    ("lt", _relational(lambda a, b: less_than(a, b) is True), 2),
    ("lte", _relational(lambda a, b: less_than(b, a) is False), 2),
    ("zipWith", l_zip_with, 0), ("unzipWith", l_unzip_with, 2), ("invertBy", l_invert_by, 2),
    ("pullAt", l_pull_at, 2), ("nthArg", l_nth_arg, 1), ("ary", l_ary, 3), ("unary", l_unary, 1),
    ("before", l_before, 2), ("after", l_after, 2),
    ("partial", lambda this, a: _partial(a, False), 2),
    ("partialRight", lambda this, a: _partial(a, True), 2), ("bind", l_bind, 3),
    ("over", lambda this, a: _over(a, "all"), 0),
    ("overEvery", lambda this, a: _over(a, "every"), 0),
    ("overSome", lambda this, a: _over(a, "some"), 0),
    ("sortedIndexOf", l_sorted_index_of, 2), ("sortedLastIndexOf", l_sorted_last_index_of, 2),
    ("sortedUniqBy", l_sorted_uniq_by, 2), ("invoke", l_invoke, 3), ("functions", l_functions, 1),
    ("stubArray", lambda this, a: [], 0), ("stubObject", lambda this, a: {}, 0),
    ("stubString", lambda this, a: "", 0), ("stubTrue", lambda this, a: True, 0),
    ("stubFalse", lambda this, a: False, 0),
]


def _build(ns: JSNamespace) -> None:
    """Fill ``ns`` (core.LODASH, made empty there) from the table, the is* tests and VERSION."""
    for name, f, length in _TABLE:
        dict.__setitem__(ns, name, NativeFunction(name, f, length))
    for name, test in _tests().items():
        dict.__setitem__(ns, name, NativeFunction(name, _type_test(test), 1))
    dict.__setitem__(ns, "VERSION", "4.17.21")


_build(LODASH)
GLOBALS: dict[str, Any] = {"_": LODASH}
