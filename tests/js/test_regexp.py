"""Unit tests of renderer/js/builtins/regexp.py through its Python API (expected values from Node 20)."""

from __future__ import annotations

import pytest

from renderer.js.builtins import regexp as R
from renderer.js.members import get_member, has_property, iterate, set_member
from renderer.js.values import UNDEFINED, NativeFunction, to_code_units, to_string
from tests.support.jshelpers import call, js_error

# ---------------------------------------------------------------- construction


def test_make_regexp_properties() -> None:
    r = R.make_regexp("ab+c", "ig")
    assert isinstance(r, R.JSRegExp)
    assert r.class_name == "RegExp"
    assert get_member(r, "source") == "ab+c"
    assert get_member(r, "flags") == "gi"
    assert [get_member(r, k) for k in ("global", "ignoreCase", "multiline", "sticky")] == [
        True, True, False, False]
    assert get_member(r, "lastIndex") == 0.0
    assert to_string(r) == "/ab+c/gi"


def test_flags_are_canonically_ordered() -> None:
    assert R.regexp_create("x", "ysmigd").flags == "dgimsy"


def test_source_escaping() -> None:
    assert get_member(R.regexp_create("a/b", UNDEFINED), "source") == "a\\/b"
    assert get_member(R.regexp_create("[/]", UNDEFINED), "source") == "[/]"
    assert get_member(R.regexp_create("", UNDEFINED), "source") == "(?:)"
    assert get_member(R.regexp_create("\n", UNDEFINED), "source") == "\\n"


def test_constructor_global() -> None:
    ctor = R.GLOBALS["RegExp"]
    r = ctor.construct(["a+", "g"])
    assert to_string(r) == "/a+/g"
    assert ctor.call(UNDEFINED, [r]) is r
    assert ctor.construct([r]) is not r
    assert ctor.construct([r, "i"]).flags == "i"
    assert ctor.construct([]).source == ""


@pytest.mark.parametrize(
    ("pattern", "flags", "message"),
    [
        ("(", "", "SyntaxError: Invalid regular expression: /(/: Unterminated group"),
        ("(", "g", "SyntaxError: Invalid regular expression: /(/g: Unterminated group"),
        (")", "", "SyntaxError: Invalid regular expression: /)/: Unmatched ')'"),
        ("a**", "", "SyntaxError: Invalid regular expression: /a**/: Nothing to repeat"),
        ("a{2,1}", "", "SyntaxError: Invalid regular expression: /a{2,1}/: numbers out of order in {} quantifier"),
        ("[b-a]", "", "SyntaxError: Invalid regular expression: /[b-a]/: Range out of order in character class"),
        ("(?<a>x)(?<a>y)", "", "SyntaxError: Invalid regular expression: /(?<a>x)(?<a>y)/: Duplicate capture group name"),
        ("\\k<b>(?<a>x)", "", "SyntaxError: Invalid regular expression: /\\k<b>(?<a>x)/: Invalid named capture referenced"),
        ("(?x)", "", "SyntaxError: Invalid regular expression: /(?x)/: Invalid group"),
        ("[", "", "SyntaxError: Invalid regular expression: /[/: Unterminated character class"),
        ("\\", "", "SyntaxError: Invalid regular expression: /\\/: \\ at end of pattern"),
        ("a{", "u", "SyntaxError: Invalid regular expression: /a{/u: Incomplete quantifier"),
        ("\\q", "u", "SyntaxError: Invalid regular expression: /\\q/u: Invalid escape"),
        ("}", "u", "SyntaxError: Invalid regular expression: /}/u: Lone quantifier brackets"),
        ("\\p{Foo}", "u", "SyntaxError: Invalid regular expression: /\\p{Foo}/u: Invalid property name"),
        ("(?<=a)*", "", "SyntaxError: Invalid regular expression: /(?<=a)*/: Invalid quantifier"),
    ],
)
def test_syntax_errors_use_v8_wording(pattern: str, flags: str, message: str) -> None:
    assert js_error(R.regexp_create, pattern, flags) == message


def test_flag_errors() -> None:
    assert js_error(R.regexp_create, "a", "gg") == (
        "SyntaxError: Invalid flags supplied to RegExp constructor 'gg'")
    assert js_error(R.make_regexp, "a", "x") == "SyntaxError: Invalid regular expression flags"


def test_compiled_pattern_is_cached() -> None:
    assert R.make_regexp("c+a+c+h+e", "i").compiled is R.make_regexp("c+a+c+h+e", "i").compiled


# ---------------------------------------------------------------- translation


def prop(match: list, key: str):
    """A match array's named property (index, input, groups), read through the member gate."""
    from renderer.js.members import get_member

    return get_member(match, key)


def ex(pattern: str, flags: str, s: str):
    return R.regexp_exec(R.regexp_create(pattern, flags), to_code_units(s))


def match_all(pattern: str, flags: str, s: str):
    return call(to_code_units(s), "match", R.regexp_create(pattern, flags))


def test_js_character_classes() -> None:
    assert ex(r"\d", "", "\u0661") is None  # \d is ASCII-only
    assert ex(r"\w", "", "é") is None
    assert ex(r"\bcaf\b", "", "café")[0] == "caf"  # é is not a word character for \b
    assert len(ex(r"\s+", "", "a\u00a0\ufeff\u2028b")[0]) == 3
    assert match_all(r"[^\S\n]+", "g", "a \t\nb") == [" \t"]
    assert match_all(r"[\W\d]+", "g", "ab12--cd") == ["12--"]
    assert match_all(r"[\D\S]", "g", "1 ") == ["1", " "]


def test_dot_anchors_and_flags() -> None:
    assert match_all(".", "g", "a\nb\u2028c\rd") == ["a", "b", "c", "d"]
    assert match_all(".", "gs", "a\n") == ["a", "\n"]
    assert ex("a$", "", "a\n") is None  # Python's $ would match before the final \n
    assert prop(ex("a$", "m", "a\nb"), "index") == 0.0
    assert prop(ex("^b", "m", "a\rb"), "index") == 2.0
    assert ex("[^]", "", "\n")[0] == "\n"
    assert ex("[]", "", "a") is None


def test_literal_braces_and_escapes() -> None:
    assert ex("a{", "", "a{")[0] == "a{"
    assert ex("a{,3}", "", "a{,3}")[0] == "a{,3}"
    assert ex(r"\u0041\x42\cJ", "", "AB\n")[0] == "AB\n"
    assert ex(r"\101", "", "xA")[0] == "A"
    assert ex(r"\8", "", "x8")[0] == "8"
    assert ex(r"[\b]", "", "a\b")[0] == "\b"
    assert ex(r"\q\!", "", "q!")[0] == "q!"
    assert ex(r"[\-a]+", "", "x-a-")[0] == "-a-"


def test_groups_and_backreferences() -> None:
    m = ex(r"(?<y>\d{4})-(?<m>\d\d)", "", "on 2024-03-07")
    assert list(m) == ["2024-03", "2024", "03"]
    assert prop(m, "index") == 3.0 and prop(m, "input") == "on 2024-03-07"
    assert prop(m, "groups") == {"y": "2024", "m": "03"}
    assert list(ex(r"(a)?b", "", "b")) == ["b", UNDEFINED]
    assert list(ex(r"(a)|\1b", "", "b")) == ["b", UNDEFINED]  # unset group matches empty
    assert list(ex(r"\1(a)", "", "xaa")) == ["a", "a"]  # forward reference
    assert ex(r"(?<c>.)\k<c>", "", "xyy")[0] == "yy"
    assert ex(r"\k<a>", "", "k<a>")[0] == "k<a>"  # no named groups: identity escape


def test_lookbehind() -> None:
    assert match_all(r"(?<=\$)\d+", "g", "$10 and $20") == ["10", "20"]
    assert match_all(r"(?<!\$)\b\d+", "g", "$10 and 20") == ["20"]
    assert match_all("(?<=a|bc)x", "g", "ax bcx cx") == ["x", "x"]


def test_unicode_mode() -> None:
    smile = to_code_units("\U0001F600")
    assert match_all(".", "gu", "a\U0001F600b") == ["a", smile, "b"]
    assert len(match_all(".", "g", "a\U0001F600b")) == 4
    assert ex("^.$", "u", "\U0001F600") is not None
    assert ex("^[^a]$", "u", "\U0001F600") is not None
    assert ex(r"\u{1F600}", "u", "x\U0001F600")[0] == smile
    assert match_all(r"[\u{1F600}-\u{1F64F}]", "gu", "x\U0001F600y\U0001F64F") == [
        smile, to_code_units("\U0001F64F")]
    assert match_all(r"\p{Lu}", "gu", "aBcÉ") == ["B", "É"]
    assert match_all(r"\p{L}+", "gu", "héllo, мир") == ["héllo", "мир"]
    assert match_all(r"\p{Extended_Pictographic}", "gu", "hi \U0001F600 \u2764") == [
        smile, "\u2764"]


def test_empty_matches_advance() -> None:
    assert match_all("x*", "g", "axxb") == ["", "xx", "", ""]
    assert match_all("a|", "g", "bab") == ["", "a", "", ""]


# ---------------------------------------------------------------- exec / test / lastIndex


def test_last_index_global_and_sticky() -> None:
    r = R.make_regexp("o", "g")
    s = "foo"
    assert [R.regexp_test(r, s), r.last_index, R.regexp_test(r, s), r.last_index] == [
        True, 2.0, True, 3.0]
    assert [R.regexp_test(r, s), r.last_index] == [False, 0.0]
    y = R.make_regexp("a", "y")
    assert R.regexp_test(y, "ba") is False
    set_member(y, "lastIndex", 1.0)
    assert get_member(y, "lastIndex") == 1.0
    assert R.regexp_test(y, "ba") is True and y.last_index == 2.0
    plain = R.make_regexp("a", "")
    plain.last_index = 5.0
    assert prop(R.regexp_exec(plain, "a"), "index") == 0.0 and plain.last_index == 5.0


def test_exec_method_and_has_indices() -> None:
    r = R.make_regexp(r"(?<d>\d)(x)?", "d")
    m = call(r, "exec", "ab1")
    indices = get_member(m, "indices")
    assert list(indices) == [[2.0, 3.0], [2.0, 3.0], UNDEFINED]
    assert get_member(indices, "groups") == {"d": [2.0, 3.0]}
    assert call(R.make_regexp("x", ""), "test", "abc") is False
    assert call(R.make_regexp("a/b", "g"), "toString") == "/a\\/b/g"


def test_match_list_through_members() -> None:
    m = ex(r"(?<y>\d+)", "", "ab12")
    assert isinstance(m, list)
    assert get_member(m, "length") == 2.0
    assert get_member(m, 0.0) == "12"
    assert get_member(m, "1") == "12"
    assert get_member(m, "index") == 2.0
    assert get_member(m, "input") == "ab12"
    assert get_member(m, "groups") == {"y": "12"}
    assert get_member(m, "indices") is UNDEFINED
    assert get_member(m, "nope") is UNDEFINED
    assert list(iterate(m)) == ["12", "12"]
    assert has_property(m, "index") and has_property(m, "0")
    set_member(m, 0.0, "x")
    assert m[0] == "x"


# ---------------------------------------------------------------- String methods


def test_replace_patterns() -> None:
    assert call("2024-03-07", "replace", R.make_regexp(r"(\d+)-(\d+)-(\d+)", ""), "$3/$2/$1") == (
        "07/03/2024")
    assert call("abc", "replace", R.make_regexp("b", ""), "[$`|$'|$$|$&|$0|$1]") == (
        "a[a|c|$|b|$0|$1]c")
    assert call("abc", "replace", R.make_regexp("(b)", ""), "$10$01$2") == "ab0b$2c"
    assert call("abc", "replace", R.make_regexp("(?<x>b)", ""), "[$<x>|$<y>|$<z]") == (
        "a[b||$<z]c")
    assert call("abc", "replace", "b", "$<x>$1$&") == "a$<x>$1bc"
    assert call("a.b.c", "replace", ".", "-") == "a-b.c"
    assert call("1234567", "replace", R.make_regexp(r"\B(?=(\d{3})+(?!\d))", "g"), ",") == (
        "1,234,567")
    assert call("axxb", "replace", R.make_regexp("x*", "g"), "[$&]") == "[]a[xx][]b[]"


def test_replace_with_function() -> None:
    seen = []

    def fn(this, args):
        seen.append(args)
        return args[0].upper()

    replacer = NativeFunction("f", fn)
    out = call("John Smith", "replace", R.make_regexp(r"(?<first>\w+)\s(\w+)", ""), replacer)
    assert out == "JOHN SMITH"
    assert seen == [["John Smith", "John", "Smith", 0.0, "John Smith",
                     {"first": "John"}]]


def test_replace_all() -> None:
    assert call("a.b.c", "replaceAll", ".", "-") == "a-b-c"
    assert call("aaa", "replaceAll", "", "-") == "-a-a-a-"
    assert js_error(call, "a1", "replaceAll", R.make_regexp(r"\d", ""), "x") == (
        "TypeError: String.prototype.replaceAll called with a non-global RegExp argument")
    r = R.make_regexp("a", "g")
    r.last_index = 2.0
    assert call("aaa", "replace", r, "b") == "bbb" and r.last_index == 0.0


def test_match_match_all_search() -> None:
    assert call("a1b22c333", "match", R.make_regexp(r"\d+", "g")) == ["1", "22", "333"]
    assert call("abc", "match", R.make_regexp("x", "g")) is None
    assert call("a.c", "match", ".")[0] == "a"
    assert list(call("abc", "match")) == [""]
    all_ = call("a1b22", "matchAll", R.make_regexp(r"\d+", "g"))
    assert [(m[0], prop(m, "index")) for m in iterate(all_)] == [("1", 1.0), ("22", 3.0)]
    assert [prop(m, "index") for m in call("aXbX", "matchAll", "X")] == [1.0, 3.0]
    assert js_error(call, "a", "matchAll", R.make_regexp("a", "")) == (
        "TypeError: String.prototype.matchAll called with a non-global RegExp argument")
    assert call("foo", "search", R.make_regexp("o", "g")) == 1.0
    assert call("foo", "search", R.make_regexp("x", "")) == -1.0
    assert call("ab", "search", R.make_regexp("b", "y")) == -1.0


def test_split() -> None:
    assert call("a,b,,c", "split", R.make_regexp(",", "")) == ["a", "b", "", "c"]
    assert call("a,b,,c", "split", R.make_regexp("(,)", "")) == ["a", ",", "b", ",", "", ",", "c"]
    assert call("test", "split", R.make_regexp("(t)?", "")) == [
        "", "t", "e", UNDEFINED, "s", "t", ""]
    assert call("abc", "split", R.make_regexp("(?:)", "")) == ["a", "b", "c"]
    assert call("", "split", R.make_regexp("x", "")) == [""]
    assert call("", "split", R.make_regexp("(?:)", "")) == []
    assert call("a1b2c3", "split", R.make_regexp(r"(\d)", ""), 4.0) == ["a", "1", "b", "2"]
    assert len(call(to_code_units("a\U0001F600b"), "split", R.make_regexp("", "u"))) == 3
    assert call("a,b", "split", ",") == ["a", "b"]
    assert call("abc", "split") == ["abc"]
