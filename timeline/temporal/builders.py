"""Turn a rule's named matches into a typed value (values.py); None rejects the match."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from typing import Any

from timeline.temporal import values as v
from timeline.temporal.vocabulary import Rule, full_month_names, normalize, vocabulary

Fields = dict[str, str]
Params = dict[str, Any]


def _word(kind: str, word: str) -> Any:
    return vocabulary().meaning(kind, word)


_FRACTIONS = {"¼": 0.25, "½": 0.5, "¾": 0.75}


def amount(text: str) -> float | None:
    """The number a count phrase means: "2 1/2" -> 2.5, "twenty-four" -> 24; None if vague."""
    words = normalize(text)
    if words in vocabulary().words["vague_numbers"]:
        return None
    part = re.search(r"\s*(?:1/2|and a half|½|¼|¾)$", words)
    half = _FRACTIONS.get(part.group().strip(), 0.5) if part else 0.0  # "3½ hours"
    words = words[: part.start()] if part else words
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words) + half
    numbers = vocabulary().words["numbers"]
    if words in numbers:
        return float(numbers[words]) + half
    total = sum(numbers.get(part, 0) for part in words.split())
    return float(total) + half if total else None


def year_number(text: str) -> int:
    """A year written in digits or words: "1997", "nineteen ninety-seven", "two thousand and one"."""
    if text.isdigit():
        return int(text)
    words = normalize(text).split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(amount(" ".join(w for w in words[2:] if w != "and")) or 0)
    return 1900 + int(amount(" ".join(words[1:])) or 0)


def _year(fields: Fields) -> int | None:
    if "short_year" in fields:  # "1950-53": the second year in the century of the first
        first = int(fields["first_year"])
        year = first // 100 * 100 + int(fields["short_year"])
        return year if year > first else year + 100
    return year_number(fields["year"]) if "year" in fields else None


def _bare_abbreviation(word: str) -> bool:
    return normalize(word) not in full_month_names() and not word.endswith(".")


def _date(fields: Fields, params: Params) -> v.Temporal | None:
    year = _year(fields) if "year" in fields or "short_year" in fields else params.get("year")
    month = _word("months", fields["month"]) if "month" in fields else params.get("month")
    if "month_number" in fields:
        month = int(fields["month_number"])
    day = int(re.sub(r"\D", "", fields["day"])) if "day" in fields else params.get("day")
    if "day_word" in fields:  # "March eighth"
        day = int(_word("ordinals", fields["day_word"]))
    if month is not None and day is None and year is None and _bare_abbreviation(fields["month"]):
        return None  # "Jan" alone is more often a name than January
    if month is not None and day is not None and day > calendar.monthrange(year or 2000, month)[1]:
        return None  # "Feb. 30"
    weekday = _word("weekdays", fields["weekday"]) if "weekday" in fields and day else None
    return v.CalendarDate(year, month, day, int(params.get("direction", 0)), weekday)


def _weekday(fields: Fields, params: Params) -> v.Temporal | None:
    return v.Weekday(
        _word("weekdays", fields["weekday"]),
        int(params.get("direction", 0)),
        params.get("week_offset"),
        bool(params.get("previous", False)),
    )


def _unit(fields: Fields, params: Params) -> str:
    return str(_word("units", fields["unit"])) if "unit" in fields else str(params["unit"])


def _relative(fields: Fields, params: Params) -> v.Temporal | None:
    return v.Relative(
        _unit(fields, params), int(params.get("offset", 0)), bool(params.get("previous"))
    )


def _period_of(fields: Fields, params: Params) -> v.Temporal | None:
    day = _date(fields, params)
    return None if day is None else v.PeriodOf(_unit(fields, params), day)


_NTH_WEEK = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def _week_of_month(fields: Fields, params: Params) -> v.Temporal | None:
    month = _date(fields, params)
    return None if month is None else v.WeekOfMonth(month, _NTH_WEEK[normalize(fields["nth"])])


def _count(fields: Fields, params: Params) -> float | None:
    if "count" in fields:
        return amount(fields["count"])
    if "vague" in fields:
        return None
    if "amount" not in params and normalize(fields.get("unit", "")).endswith("s"):
        return None  # "decades-long": a plural unit without a count is a vague amount
    given = params.get("amount", 1)
    return None if given is None else float(given)


# A fraction of a unit counted back in whole smaller units: "a year and a half ago" is 18 months
_SMALLER_UNIT = {"year": ("month", 12), "decade": ("year", 10), "century": ("year", 100)}


def _shift(fields: Fields, params: Params) -> v.Temporal | None:
    count = _count(fields, params)
    unit = _unit(fields, params)
    if count is not None and "half" in fields:
        count += 0.5  # "a year and a half ago"
    if count is not None and count != int(count) and unit in _SMALLER_UNIT:
        unit, per = _SMALLER_UNIT[unit]
        count *= per
    return v.Shift(
        unit,
        None if count is None else int(count),
        int(params["direction"]),
        bool(params.get("previous")),
        bool(params.get("compares")),
        bool(params.get("ahead_only")),
    )


def _month_of_year(fields: Fields, params: Params) -> v.Temporal | None:
    return v.MonthOfRelativeYear(_word("months", fields["month"]), int(params["year_offset"]))


def _period(fields: Fields, params: Params) -> v.Temporal | None:
    code: str | None = params.get("code")
    if "season" in fields:
        code = str(_word("seasons", fields["season"]))
    elif "ordinal" in fields or "quarter_number" in fields or "closing" in fields:
        prefix = (
            "H" if fields.get("period_unit", "").lower() == "half" else params.get("prefix", "Q")
        )
        if "closing" in fields:  # "the last quarter of last year": its fourth quarter
            number = 2 if prefix == "H" else 4
        else:
            number = (
                int(fields["quarter_number"])
                if "quarter_number" in fields
                else _word("ordinals", fields["ordinal"])
            )
        if (prefix == "Q" and number > 4) or (prefix == "H" and number > 2):
            return None
        code = f"{prefix}{number}"
    year_offset = -1 if "ago" in fields else params.get("year_offset")
    return v.Period(code, _year(fields), year_offset, bool(params.get("previous")))


def _weekend(fields: Fields, params: Params) -> v.Temporal | None:
    return v.Weekend(int(params.get("direction", 0)))


def _holiday(fields: Fields, params: Params) -> v.Temporal | None:
    name = (
        str(_word("holidays", fields["holiday"])) if "holiday" in fields else str(params["holiday"])
    )
    day = v.Holiday(name, int(params.get("direction", 0)))
    return v.PeriodOf(str(params["unit"]), day) if "unit" in params else day  # "Easter week"


def _decade(fields: Fields, params: Params) -> v.Temporal | None:
    if "decade_word" in fields:
        return v.Decade(190 + int(_word("decade_words", fields["decade_word"])))
    digits = re.sub(r"\D", "", fields["decade"])
    if len(digits) == 2:  # "the '80s"
        digits = "19" + digits
    return v.Decade(int(digits[:3]))


def _century(fields: Fields, params: Params) -> v.Temporal | None:
    return v.Century(int(_word("ordinals", fields["ordinal"])) - 1)


def _ref(fields: Fields, params: Params) -> v.Temporal | None:
    return v.Ref(str(params["ref"]))


def _duration(fields: Fields, params: Params) -> v.Temporal | None:
    count = _count(fields, params)
    if count is not None and count >= 1000:
        return None  # "the 1988 quarter" is a year, not 1,988 quarters
    if count is not None and "half" in fields:
        count += 0.5  # "a minute and a half"
    return v.Duration(_unit(fields, params), count)


def _recurrence(fields: Fields, params: Params) -> v.Temporal | None:
    if "value" in params:
        return v.Recurrence(str(params["value"]))
    if "weekday" in fields:
        part = f"T{_word('parts_of_day', fields['part'])}" if "part" in fields else ""
        return v.Recurrence(f"XXXX-WXX-{_word('weekdays', fields['weekday'])}{part}")
    if "month" in fields:
        return v.Recurrence(f"XXXX-{_word('months', fields['month']):02d}")
    if "season" in fields:  # "every summer"
        return v.Recurrence(f"XXXX-{_word('seasons', fields['season'])}")
    unit = _unit(fields, params)
    letter = vocabulary().units[unit]["letter"]
    prefix = "PT" if vocabulary().units[unit].get("time") else "P"
    count = 2.0 if "other" in fields else _count(fields, {"amount": 1})  # "every other week"
    if count is None or count != int(count):
        return None
    return v.Recurrence(f"{prefix}{int(count)}{letter}")


def _so_far(fields: Fields, params: Params) -> v.Temporal | None:
    return v.SoFar(_unit(fields, params))


def _day_of(fields: Fields, params: Params) -> v.Temporal | None:
    if "month" in fields:
        return _date(fields, params)
    if "weekday" in fields:
        return v.Weekday(_word("weekdays", fields["weekday"]))
    if "day_offset" in params:
        return v.Relative("day", int(params["day_offset"]))
    return None


def _clock(fields: Fields, params: Params) -> v.Temporal | None:
    hour = int(fields["hour"]) if "hour" in fields else int(params.get("hour", 0))
    minute = int(fields.get("minute") or 0)
    meridiem = normalize(fields.get("meridiem", ""))
    if "day_half" in fields:  # "4 in the morning", "3 in the afternoon"
        meridiem = "am" if normalize(fields["day_half"]) == "morning" else "pm"
    if "night" in fields:  # "10 at night" is 22:00, "2 at night" 02:00, "12 at night" midnight
        meridiem, hour = (
            ("pm", hour) if 6 <= hour <= 11 else ("", 24) if hour == 12 else ("am", hour)
        )
    if hour > 24 or minute > 59 or (meridiem and hour > 12):
        return None
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    elif meridiem.startswith("a") and hour == 12:
        hour = 0
    return v.TimeOfDay(_day_of(fields, params), hour, minute)


def _part_of_day(fields: Fields, params: Params) -> v.Temporal | None:
    part = str(_word("parts_of_day", fields["part"])) if "part" in fields else str(params["part"])
    return v.TimeOfDay(_day_of(fields, params), part=part)


BUILDERS: dict[str, Callable[[Fields, Params], v.Temporal | None]] = {
    "date": _date,
    "weekday": _weekday,
    "relative": _relative,
    "period_of": _period_of,
    "week_of_month": _week_of_month,
    "shift": _shift,
    "month_of_year": _month_of_year,
    "period": _period,
    "decade": _decade,
    "weekend": _weekend,
    "holiday": _holiday,
    "century": _century,
    "ref": _ref,
    "duration": _duration,
    "recurrence": _recurrence,
    "so_far": _so_far,
    "clock": _clock,
    "part_of_day": _part_of_day,
}

_APPROX_ON_FUTURE_SHIFT = {
    "MORE_THAN": "AFTER",
    "LESS_THAN": "BEFORE",
    "APPROX": "APPROX",
    "EQUAL_OR_MORE": "ON_OR_AFTER",
    "EQUAL_OR_LESS": "ON_OR_BEFORE",
}
_APPROX_ON_SHIFT = {
    "MORE_THAN": "BEFORE",
    "LESS_THAN": "AFTER",
    "APPROX": "APPROX",
    "EQUAL_OR_MORE": "ON_OR_BEFORE",
    "EQUAL_OR_LESS": "ON_OR_AFTER",
}


def _modifiers(value: v.Temporal, fields: Fields, params: Params) -> v.Temporal:
    if "fuzzy" in fields:
        value = v.Modified(value, str(_word("fuzzy", fields["fuzzy"])))
    if "approx" in fields or "bound" in fields:
        mod = str(_word("approximators", fields.get("approx") or fields["bound"]))
        if isinstance(value, v.Shift):
            # "more than 3 years ago" is before that day; "more than 3 years from now" after it
            mod = _APPROX_ON_SHIFT[mod] if value.direction < 0 else _APPROX_ON_FUTURE_SHIFT[mod]
        value = v.Modified(value, mod)
    if "mod" in params:
        value = v.Modified(value, str(params["mod"]), bool(params.get("so_far")))
    return value


def build(rule: Rule, fields: Fields) -> v.Temporal | None:
    """The typed value of one match of `rule`, or None when the match is not a date after all."""
    builder = BUILDERS.get(rule.build)
    if builder is None:
        raise KeyError(f"temporal rule {rule.name!r}: unknown build {rule.build!r}")
    try:
        value = builder(fields, rule.params)
    except (KeyError, ValueError):  # a word outside the vocabulary: not a date we understand
        return None
    return None if value is None else _modifiers(value, fields, rule.params)
