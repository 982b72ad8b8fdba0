"""Intl.DateTimeFormat's formatting (also behind ``Date.prototype.toLocale*String``).

``en-US`` (the default) is written here and reproduces Node 20 (full ICU) for the common
options; every other covered locale (en-GB, de, fr, es, pt, it, nl, ja and their regions)
uses ICU's own patterns (``datetimepatterns.py``). Any other locale formats as ``en-US`` with a
render warning. Time zone display names (``timeZoneName``, ``Date.prototype.toString``) are
here too.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ..caches import bounded_cache
from ..values import UNDEFINED, range_error, to_number, to_string, type_error
from .datetimepatterns import (
    default_cycle,
    is_by_hand,
    pattern_locale,
    pattern_parts,
    pattern_widths,
    utc_name,
)
from .locales import _option, _resolve_locale, warn_intl, warn_locale_fallback
from .timevalue import (
    _DAY_NAMES,
    _MONTH_NAMES,
    _UTC_NAMES,
    _canonical_zone,
    _Fields,
    _offset_str,
    _zone,
    offset_at_utc,
    tz_var,
)

__all__ = [
    "format_date_locale",
]


# ============================================================================ time zone names

# zone -> (standard long, daylight long, standard short, daylight short); "" short = GMT±h.
_EASTERN = ("Eastern Standard Time", "Eastern Daylight Time", "EST", "EDT")
_CENTRAL = ("Central Standard Time", "Central Daylight Time", "CST", "CDT")
_MOUNTAIN = ("Mountain Standard Time", "Mountain Daylight Time", "MST", "MDT")
_PACIFIC = ("Pacific Standard Time", "Pacific Daylight Time", "PST", "PDT")
_CET = ("Central European Standard Time", "Central European Summer Time", "", "")
_EET = ("Eastern European Standard Time", "Eastern European Summer Time", "", "")
_ZONE_NAMES: dict[str, tuple[str, str, str, str]] = {
    "America/New_York": _EASTERN, "America/Detroit": _EASTERN, "America/Toronto": _EASTERN,
    "America/Indiana/Indianapolis": _EASTERN, "America/Kentucky/Louisville": _EASTERN,
    "US/Eastern": _EASTERN, "EST5EDT": _EASTERN, "America/Montreal": _EASTERN,
    "America/Nassau": _EASTERN,
    "America/Chicago": _CENTRAL, "US/Central": _CENTRAL, "America/Winnipeg": _CENTRAL,
    "CST6CDT": _CENTRAL, "America/Mexico_City": _CENTRAL,
    "America/Denver": _MOUNTAIN, "US/Mountain": _MOUNTAIN, "America/Phoenix": _MOUNTAIN,
    "America/Edmonton": _MOUNTAIN, "America/Boise": _MOUNTAIN, "MST7MDT": _MOUNTAIN,
    "US/Arizona": _MOUNTAIN,
    "America/Los_Angeles": _PACIFIC, "US/Pacific": _PACIFIC, "America/Vancouver": _PACIFIC,
    "America/Tijuana": _PACIFIC, "PST8PDT": _PACIFIC,
    "America/Anchorage": ("Alaska Standard Time", "Alaska Daylight Time", "AKST", "AKDT"),
    "US/Alaska": ("Alaska Standard Time", "Alaska Daylight Time", "AKST", "AKDT"),
    "Pacific/Honolulu": ("Hawaii-Aleutian Standard Time", "Hawaii-Aleutian Daylight Time",
                         "HST", "HDT"),
    "US/Hawaii": ("Hawaii-Aleutian Standard Time", "Hawaii-Aleutian Daylight Time", "HST",
                  "HDT"),
    "America/Halifax": ("Atlantic Standard Time", "Atlantic Daylight Time", "AST", "ADT"),
    "America/Puerto_Rico": ("Atlantic Standard Time", "Atlantic Daylight Time", "AST", "ADT"),
    "America/St_Johns": ("Newfoundland Standard Time", "Newfoundland Daylight Time", "", ""),
    "America/Sao_Paulo": ("Brasilia Standard Time", "Brasilia Summer Time", "", ""),
    "America/Argentina/Buenos_Aires": ("Argentina Standard Time", "Argentina Summer Time",
                                       "", ""),
    "America/Bogota": ("Colombia Standard Time", "Colombia Summer Time", "", ""),
    "America/Lima": ("Peru Standard Time", "Peru Summer Time", "", ""),
    "America/Santiago": ("Chile Standard Time", "Chile Summer Time", "", ""),
    "America/Caracas": ("Venezuela Time", "Venezuela Time", "", ""),
    "Europe/London": ("Greenwich Mean Time", "British Summer Time", "GMT", ""),
    "Europe/Dublin": ("Greenwich Mean Time", "Irish Standard Time", "GMT", ""),
    "Atlantic/Reykjavik": ("Greenwich Mean Time", "Greenwich Mean Time", "GMT", "GMT"),
    "Europe/Lisbon": ("Western European Standard Time", "Western European Summer Time",
                      "GMT+0", ""),
    **{z: _CET for z in (
        "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam",
        "Europe/Brussels", "Europe/Vienna", "Europe/Zurich", "Europe/Stockholm", "Europe/Oslo",
        "Europe/Copenhagen", "Europe/Warsaw", "Europe/Prague", "Europe/Budapest",
        "Europe/Belgrade", "Europe/Luxembourg", "Europe/Monaco", "Europe/Malta", "CET",
    )},
    **{z: _EET for z in (
        "Europe/Athens", "Europe/Helsinki", "Europe/Kiev", "Europe/Kyiv", "Europe/Bucharest",
        "Europe/Sofia", "Europe/Riga", "Europe/Tallinn", "Europe/Vilnius", "Africa/Cairo", "EET",
    )},
    "Europe/Istanbul": ("Türkiye Standard Time", "Türkiye Summer Time", "", ""),
    "Europe/Moscow": ("Moscow Standard Time", "Moscow Summer Time", "", ""),
    "Africa/Johannesburg": ("South Africa Standard Time", "South Africa Standard Time", "", ""),
    "Africa/Lagos": ("West Africa Time", "West Africa Summer Time", "", ""),
    "Africa/Nairobi": ("East Africa Time", "East Africa Time", "", ""),
    "Asia/Dubai": ("Gulf Standard Time", "Gulf Standard Time", "", ""),
    "Asia/Riyadh": ("Arabian Standard Time", "Arabian Daylight Time", "", ""),
    "Asia/Karachi": ("Pakistan Standard Time", "Pakistan Summer Time", "", ""),
    "Asia/Kolkata": ("India Standard Time", "India Standard Time", "", ""),
    "Asia/Calcutta": ("India Standard Time", "India Standard Time", "", ""),
    "Asia/Dhaka": ("Bangladesh Standard Time", "Bangladesh Summer Time", "", ""),
    "Asia/Kathmandu": ("Nepal Time", "Nepal Time", "", ""),
    "Asia/Bangkok": ("Indochina Time", "Indochina Time", "", ""),
    "Asia/Ho_Chi_Minh": ("Indochina Time", "Indochina Time", "", ""),
    "Asia/Jakarta": ("Western Indonesia Time", "Western Indonesia Time", "", ""),
    "Asia/Singapore": ("Singapore Standard Time", "Singapore Standard Time", "", ""),
    "Asia/Kuala_Lumpur": ("Malaysia Time", "Malaysia Time", "", ""),
    "Asia/Manila": ("Philippine Standard Time", "Philippine Summer Time", "", ""),
    "Asia/Hong_Kong": ("Hong Kong Standard Time", "Hong Kong Summer Time", "", ""),
    "Asia/Shanghai": ("China Standard Time", "China Daylight Time", "", ""),
    "Asia/Taipei": ("Taiwan Standard Time", "Taiwan Daylight Time", "", ""),
    "Asia/Seoul": ("Korean Standard Time", "Korean Daylight Time", "", ""),
    "Asia/Tokyo": ("Japan Standard Time", "Japan Daylight Time", "", ""),
    "Asia/Jerusalem": ("Israel Standard Time", "Israel Daylight Time", "", ""),
    "Asia/Tehran": ("Iran Standard Time", "Iran Daylight Time", "", ""),
    "Australia/Sydney": ("Australian Eastern Standard Time", "Australian Eastern Daylight Time",
                         "", ""),
    "Australia/Melbourne": ("Australian Eastern Standard Time",
                            "Australian Eastern Daylight Time", "", ""),
    "Australia/Brisbane": ("Australian Eastern Standard Time",
                           "Australian Eastern Daylight Time", "", ""),
    "Australia/Adelaide": ("Australian Central Standard Time",
                           "Australian Central Daylight Time", "", ""),
    "Australia/Perth": ("Australian Western Standard Time", "Australian Western Daylight Time",
                        "", ""),
    "Pacific/Auckland": ("New Zealand Standard Time", "New Zealand Daylight Time", "", ""),
    "EST": ("Eastern Standard Time", "Eastern Standard Time", "EST", "EST"),
    "MST": ("Mountain Standard Time", "Mountain Standard Time", "MST", "MST"),
    "HST": ("Hawaii-Aleutian Standard Time", "Hawaii-Aleutian Standard Time", "HST", "HST"),
}


@bounded_cache(max_entries=512, max_cost=1 << 16)
def _standard_offset(zone_name: str, year: int) -> float:
    zone = _zone(zone_name)
    y = min(max(year, 2), 9998)
    jan = datetime(y, 1, 15, 12, tzinfo=UTC).astimezone(zone)
    jul = datetime(y, 7, 15, 12, tzinfo=UTC).astimezone(zone)
    offs = [d.utcoffset() for d in (jan, jul)]
    return min(o.total_seconds() for o in offs if o is not None) * 1000.0


def _is_dst(zone_name: str, t: float, off: float) -> bool:
    if zone_name in _UTC_NAMES:
        return False
    try:
        year = _Fields(t).year
        return off > _standard_offset(zone_name, year)
    except KeyError:
        return False


def _gmt_offset_short(off: float) -> str:
    total = int(round(off / 60000))
    if total == 0:
        return "GMT"
    sign = "+" if total > 0 else "-"
    total = abs(total)
    h, m = divmod(total, 60)
    return f"GMT{sign}{h}" + (f":{m:02d}" if m else "")


def _gmt_offset_long(off: float) -> str:
    total = int(round(off / 60000))
    if total == 0:
        return "GMT"
    return "GMT" + _offset_str(off, colon=True)


def _zone_long_name(zone_name: str, t: float, off: float) -> str:
    if zone_name in _UTC_NAMES or zone_name.upper() == "UTC":
        return "Coordinated Universal Time"
    names = _ZONE_NAMES.get(zone_name)
    if names is None:
        return _gmt_offset_long(off)
    return names[1] if _is_dst(zone_name, t, off) else names[0]


def _zone_short_name(zone_name: str, t: float, off: float) -> str:
    if zone_name in _UTC_NAMES or zone_name.upper() == "UTC":
        return "UTC"
    names = _ZONE_NAMES.get(zone_name)
    if names is not None:
        short = names[3] if _is_dst(zone_name, t, off) else names[2]
        if short:
            return short
    return _gmt_offset_short(off)


# English names (the hand-written en-US formatting; other locales use ICU's patterns).
_LONG_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_SHORT_MONTHS = _MONTH_NAMES
_LONG_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_SHORT_DAYS = _DAY_NAMES


def _date_locale(locale: str, where: str) -> str:
    """The locale whose date patterns we use; en-US, with a render warning, for an uncovered one."""
    found = pattern_locale(locale)
    if found is None:
        warn_locale_fallback(where, locale, "en-US")
        return "en-US"
    return found


_DATE_FIELDS = ("weekday", "year", "month", "day")
_TIME_FIELDS = ("dayPeriod", "hour", "minute", "second", "fractionalSecondDigits")


# ICU reports the older spelling of renamed zones (resolvedOptions().timeZone).
_ICU_ZONE_IDS = {
    "Asia/Kolkata": "Asia/Calcutta", "Asia/Ho_Chi_Minh": "Asia/Saigon",
    "Europe/Kyiv": "Europe/Kiev",
    "Asia/Kathmandu": "Asia/Katmandu", "America/Argentina/Buenos_Aires": "America/Buenos_Aires",
    "Asia/Yangon": "Asia/Rangoon", "America/Nuuk": "America/Godthab", "Atlantic/Faroe":
    "Atlantic/Faeroe", "America/Indiana/Indianapolis": "America/Indianapolis",
    "America/Kentucky/Louisville": "America/Louisville", "Pacific/Chuuk": "Pacific/Truk",
    "Pacific/Pohnpei": "Pacific/Ponape", "Etc/UTC": "UTC", "Etc/GMT": "UTC", "GMT": "UTC",
}


class DateTimeFormat:
    """A resolved Intl.DateTimeFormat (also behind Date.prototype.toLocale*String)."""

    def __init__(self, locales: Any, options: Any, required: str = "any",
                 defaults: str = "date", where: str = "Intl.DateTimeFormat") -> None:
        self.locale = _resolve_locale(locales)
        self.where = where
        self.data_locale = _date_locale(self.locale, where)
        self.by_pattern = not is_by_hand(self.data_locale)
        if options is not UNDEFINED and options is not None and type(options) in (
            str, float, bool
        ):
            options = UNDEFINED
        if options is None:
            type_error("Cannot convert undefined or null to object")
        o = options
        self.hour12 = _option(o, "hour12")
        self.hour_cycle = _option(o, "hourCycle", ("h11", "h12", "h23", "h24"), where)
        tz = _option(o, "timeZone")
        if tz is UNDEFINED:
            self.time_zone = tz_var.get() or "UTC"
            try:
                _zone(self.time_zone)
            except KeyError:
                self.time_zone = "UTC"
        else:
            name = _canonical_zone(to_string(tz))
            if name is None:
                range_error(f"Invalid time zone specified: {to_string(tz)}")
            self.time_zone = name
        self.weekday = _option(o, "weekday", ("narrow", "short", "long"), where)
        self.era = _option(o, "era", ("narrow", "short", "long"), where)
        self.year = _option(o, "year", ("2-digit", "numeric"), where)
        self.month = _option(o, "month", ("2-digit", "numeric", "narrow", "short", "long"), where)
        self.day = _option(o, "day", ("2-digit", "numeric"), where)
        self.day_period = _option(o, "dayPeriod", ("narrow", "short", "long"), where)
        self.hour = _option(o, "hour", ("2-digit", "numeric"), where)
        self.minute = _option(o, "minute", ("2-digit", "numeric"), where)
        self.second = _option(o, "second", ("2-digit", "numeric"), where)
        fsd = _option(o, "fractionalSecondDigits")
        if fsd is not UNDEFINED:
            n = to_number(fsd)
            if not (n == n and 1 <= n <= 3):
                range_error("fractionalSecondDigits value is out of range.")
            fsd = int(n)
        self.fsd = fsd
        self.tz_name = _option(
            o, "timeZoneName",
            ("short", "long", "shortOffset", "longOffset", "shortGeneric", "longGeneric"), where,
        )
        self.date_style = _option(o, "dateStyle", ("full", "long", "medium", "short"), where)
        self.time_style = _option(o, "timeStyle", ("full", "long", "medium", "short"), where)
        self.styled = self.date_style is not UNDEFINED or self.time_style is not UNDEFINED
        if self.styled:
            for name in ("weekday", "era", "year", "month", "day", "hour", "minute", "second",
                         "fsd", "tz_name", "day_period"):
                if getattr(self, name) is not UNDEFINED:
                    label = {"fsd": "fractionalSecondDigits", "tz_name": "timeZoneName",
                             "day_period": "dayPeriod"}.get(name, name)
                    style = "dateStyle" if self.date_style is not UNDEFINED else "timeStyle"
                    type_error(f"Can't set option {label} when {style} is used")
            if required == "date" and self.date_style is UNDEFINED:
                type_error("Invalid option : timeStyle")
            if required == "time" and self.time_style is UNDEFINED:
                type_error("Invalid option : dateStyle")
            self._apply_styles()
        else:
            need = True
            if required in ("date", "any") and any(
                getattr(self, f) is not UNDEFINED for f in _DATE_FIELDS
            ):
                need = False
            if required in ("time", "any") and (
                any(getattr(self, f) is not UNDEFINED for f in ("day_period", "hour", "minute",
                                                                "second"))
                or self.fsd is not UNDEFINED
            ):
                need = False
            if need and defaults in ("date", "all"):
                self.year = self.month = self.day = "numeric"
            if need and defaults in ("time", "all"):
                self.hour = self.minute = self.second = "numeric"
        if self.by_pattern:
            self._check_pattern_options()
        self._resolve_hour_cycle()

    def _check_pattern_options(self) -> None:
        """Options ICU's pattern table does not cover format as en-US, with a warning."""
        uncovered = [name for name, v in (
            ("era", self.era), ("dayPeriod", self.day_period),
            ("fractionalSecondDigits", self.fsd),
            ("timeZoneName", UNDEFINED if self.styled else self.tz_name)) if v is not UNDEFINED]
        if uncovered:
            warn_intl(f"{self.where}: option {', '.join(uncovered)} is not covered by kview for "
                      f"locale '{self.locale}'; formatted as 'en-US'")
            self.data_locale = "en-US"
            self.by_pattern = False

    def _apply_styles(self) -> None:
        ds, ts = self.date_style, self.time_style
        if ds is not UNDEFINED:
            self.year = "numeric" if ds != "short" else "2-digit"
            self.month = {"full": "long", "long": "long", "medium": "short", "short": "numeric"}[ds]
            self.day = "numeric"
            if ds == "full":
                self.weekday = "long"
        if ts is not UNDEFINED:
            self.hour = "numeric"
            self.minute = "2-digit"
            if ts != "short":
                self.second = "2-digit"
            if ts == "full":
                self.tz_name = "long"
            elif ts == "long":
                self.tz_name = "short"

    def _resolve_hour_cycle(self) -> None:
        # The locale's default cycle; hour12 picks the matching 12/24 variant (ECMA-402 as
        # V8 implements it: en-US + hour12:false is h24, en-GB + hour12:true is h11).
        default = default_cycle(self.data_locale) if self.by_pattern else "h12"  # en-US
        if self.hour12 is not UNDEFINED:
            h12 = self.hour12 if type(self.hour12) is bool else bool(to_string(self.hour12))
            if h12:
                self.cycle = "h11" if default in ("h11", "h23") else "h12"
            else:
                self.cycle = "h23" if default in ("h11", "h23") else "h24"
        elif self.hour_cycle is not UNDEFINED:
            self.cycle = self.hour_cycle
        else:
            self.cycle = default

    # ------------------------------------------------------------ formatting
    def format(self, t: float) -> str:
        return "".join(v for _, v in self.parts(t)).replace("\u202f", " ")

    def parts(self, t: float) -> list[tuple[str, str]]:
        if t != t:
            range_error("Invalid time value")
        try:
            zone = _zone(self.time_zone)
        except KeyError:
            zone = None
        off = offset_at_utc(t, zone)
        f = _Fields(t + off)
        if self.by_pattern:
            return pattern_parts(self.data_locale, self, f,
                                 lambda style: self._pattern_zone_name(style, t, off))
        date_parts = self._date_parts(f)
        time_parts = self._time_parts(f, t, off)
        if date_parts and time_parts:
            return date_parts + [("literal", self._joiner(date_parts))] + time_parts
        return date_parts or time_parts

    def _pattern_zone_name(self, style: str, t: float, off: float) -> str:
        """UTC's name in the pattern locale; other zones' names are the en-US ones, with a warning."""
        if self.time_zone in _UTC_NAMES or self.time_zone.upper() == "UTC":
            return utc_name(self.data_locale, style)
        warn_intl(f"{self.where}: the name of time zone {self.time_zone} in locale "
                  f"'{self.locale}' is not covered by kview; shown as in 'en-US'")
        if style == "long":
            return _zone_long_name(self.time_zone, t, off)
        return _zone_short_name(self.time_zone, t, off)

    def _joiner(self, date_parts: list[tuple[str, str]]) -> str:
        if self.date_style in ("full", "long") or (
            self.date_style is UNDEFINED and self.month == "long"
        ):
            return " at "
        if [k for k, _ in date_parts] == ["weekday"]:
            return " "
        return ", "

    def _date_parts(self, f: _Fields) -> list[tuple[str, str]]:
        """The date fields as en-US writes them (other locales use ICU's patterns)."""
        W = Y = M = D = None
        if self.weekday is not UNDEFINED:
            names = _LONG_DAYS if self.weekday == "long" else _SHORT_DAYS
            W = names[f.weekday]
            if self.weekday == "narrow":
                W = _LONG_DAYS[f.weekday][0].upper()
        if self.year is not UNDEFINED:
            Y = str(f.year) if self.year == "numeric" else f"{f.year % 100:02d}"
            if f.year <= 0 and self.year == "numeric":
                Y = str(1 - f.year)
        text_month = self.month in ("long", "short", "narrow")
        if self.month is not UNDEFINED:
            if self.month == "long":
                M = _LONG_MONTHS[f.month]
            elif self.month == "short":
                M = _SHORT_MONTHS[f.month]
            elif self.month == "narrow":
                M = _LONG_MONTHS[f.month][0].upper()
            elif self.month == "2-digit":
                M = f"{f.month + 1:02d}"
            else:
                M = str(f.month + 1)
        if self.day is not UNDEFINED:
            D = f"{f.day:02d}" if self.day == "2-digit" else str(f.day)
        P: list[tuple[str, str]] = []
        seq: list[tuple[str, str]]

        def lit(s: str) -> None:
            P.append(("literal", s))

        if text_month:
            assert M is not None  # a month name was chosen above
            if D is not None and Y is not None:
                seq = [("month", M), ("literal", " "), ("day", D), ("literal", ", "),
                       ("year", Y)]
            elif D is not None:
                seq = [("month", M), ("literal", " "), ("day", D)]
            elif Y is not None:
                seq = [("month", M), ("literal", " "), ("year", Y)]
            else:
                seq = [("month", M)]
            if W is not None:
                if D is not None:
                    return [("weekday", W), ("literal", ", ")] + seq
                return seq + [("literal", " "), ("weekday", W)]
            return seq
        if M is not None:
            seq = []
            for kind, v in (("month", M), ("day", D), ("year", Y)):
                if v is not None:
                    if seq:
                        seq.append(("literal", "/"))
                    seq.append((kind, v))
            if W is not None:
                return [("weekday", W), ("literal", ", ")] + seq
            return seq
        # No month.
        present = [(k, v) for k, v in (("year", Y), ("day", D), ("weekday", W)) if v]
        if Y and D and not W:  # present is [year, day]
            return [("year", Y), ("literal", " (day: "), ("day", D), ("literal", ")")]
        if D is not None and W is not None and Y is None:
            return [("day", D), ("literal", " "), ("weekday", W)]
        for i, (k, v) in enumerate(present):
            if i:
                lit(" ")
            P.append((k, v))
        return P

    def _time_parts(self, f: _Fields, t: float, off: float) -> list[tuple[str, str]]:
        P: list[tuple[str, str]] = []
        has_h = self.hour is not UNDEFINED
        has_m = self.minute is not UNDEFINED
        has_s = self.second is not UNDEFINED
        has_f = self.fsd is not UNDEFINED
        twelve = self.cycle in ("h11", "h12")
        if has_h:
            h = f.hour
            if self.cycle == "h12":
                h = h % 12 or 12
            elif self.cycle == "h11":
                h = h % 12
            elif self.cycle == "h24":
                h = h or 24
            hs = f"{h:02d}" if self.hour == "2-digit" or not twelve else str(h)
            P.append(("hour", hs))
            if has_m:
                P += [("literal", ":"), ("minute", f"{f.minute:02d}")]
            if has_s:
                if not has_m:
                    P += [("literal", ":"), ("minute", f"{f.minute:02d}")]
                P += [("literal", ":"), ("second", f"{f.second:02d}")]
                if has_f:
                    P += [("literal", "."), ("fractionalSecond", f"{f.ms:03d}"[: self.fsd])]
            if twelve:
                period = "AM" if f.hour < 12 else "PM"
                # ICU puts U+202F before the day period; format() shows a space (as V8 does).
                P += [("literal", "\u202f"), ("dayPeriod", period)]
        elif has_m or has_s or has_f:
            if has_m and has_s:
                P += [("minute", f"{f.minute:02d}"), ("literal", ":"),
                      ("second", f"{f.second:02d}")]
            elif has_m:
                P.append(("minute", str(f.minute)))
            elif has_s:
                P.append(("second", str(f.second)))
            if has_f:
                if has_s:
                    P += [("literal", "."), ("fractionalSecond", f"{f.ms:03d}"[: self.fsd])]
                else:
                    P.append(("fractionalSecond", f"{f.ms:03d}"[: self.fsd]))
        if self.tz_name is not UNDEFINED:
            name = self._tz_display(t, off)
            if P:
                P.append(("literal", " "))
            P.append(("timeZoneName", name))
        return P

    def _tz_display(self, t: float, off: float) -> str:
        kind = self.tz_name
        if kind in ("long", "longGeneric"):
            return _zone_long_name(self.time_zone, t, off)
        if kind == "shortOffset":
            return _gmt_offset_short(off) if round(off / 60000) else "GMT+0"
        if kind == "longOffset":
            return _gmt_offset_long(off) if round(off / 60000) else "GMT+00:00"
        return _zone_short_name(self.time_zone, t, off)

    def resolved_options(self) -> dict:
        out: dict[str, Any] = {
            "locale": self.locale,
            "calendar": "gregory",
            "numberingSystem": "latn",
            "timeZone": _ICU_ZONE_IDS.get(self.time_zone, self.time_zone),
        }
        if self.hour is not UNDEFINED:
            out["hourCycle"] = self.cycle
            out["hour12"] = self.cycle in ("h11", "h12")
        for key, attr in (("weekday", "weekday"), ("era", "era"), ("year", "year"),
                          ("month", "month"), ("day", "day"), ("hour", "hour"),
                          ("minute", "minute"), ("second", "second"),
                          ("timeZoneName", "tz_name")):
            v = getattr(self, attr)
            if v is not UNDEFINED and self.date_style is UNDEFINED and (
                self.time_style is UNDEFINED
            ):
                if key in ("minute", "second") and v == "numeric" and self.hour is not UNDEFINED:
                    v = "2-digit"
                out[key] = v
        if self.by_pattern and not self.styled:
            for key, width in pattern_widths(self.data_locale, self).items():
                if key in out:
                    out[key] = width
        if self.date_style is not UNDEFINED:
            out["dateStyle"] = self.date_style
        if self.time_style is not UNDEFINED:
            out["timeStyle"] = self.time_style
        return out


def format_date_locale(t: float, locales: Any = UNDEFINED, options: Any = UNDEFINED,
                       required: str = "any", defaults: str = "all") -> str:
    """Date.prototype.toLocaleString(locales, options) for a time value."""
    if t != t:
        return "Invalid Date"
    return DateTimeFormat(locales, options, required, defaults).format(t)
