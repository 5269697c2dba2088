"""Amounts of time and recurring times: TIMEX3 DURATION ("three years": P3Y) and SET values."""

from __future__ import annotations

from timeline.temporal import values as v
from timeline.temporal.context import Context, Resolution
from timeline.temporal.vocabulary import vocabulary


def duration_value(unit: str, amount: float | None) -> str:
    """The TIMEX3 duration: P3Y, PT5H, P2Y6M for 2 1/2 years, PXY for a vague amount."""
    spec = vocabulary().units[unit]
    letter, prefix = spec["letter"], "PT" if spec.get("time") else "P"
    if unit == "decade" and amount is not None:
        unit, letter, amount = "year", "Y", amount * 10
    if unit == "century" and amount is not None:
        unit, letter, amount = "year", "Y", amount * 100
    if unit == "weekend":
        letter = "WE"
    if unit == "quarter" and amount is not None:
        unit, letter, amount = "month", "M", amount * 3  # "the next three quarters": P9M
    if amount is None:
        return f"{prefix}X{letter}"
    whole = int(amount)
    if amount == whole:
        return f"{prefix}{whole}{letter}"
    smaller = {
        "year": ("M", 12),
        "month": ("D", 30),
        "day": ("T", 24),
        "hour": ("M", 60),
        "week": ("D", 7),
        "minute": ("S", 60),
    }
    if unit in smaller:
        sub_letter, per = smaller[unit]
        rest = round((amount - whole) * per)
        if sub_letter == "T":
            return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
        return (
            f"{prefix}{whole}{letter}{rest}{sub_letter}" if whole else f"{prefix}{rest}{sub_letter}"
        )
    return f"{prefix}{amount:g}{letter}"


def duration(value: v.Duration, ctx: Context) -> Resolution:
    """An amount of time ("three years"): P3Y, no date."""
    return Resolution("DURATION", duration_value(value.unit, value.amount), "an amount of time")


def recurrence(value: v.Recurrence, ctx: Context) -> Resolution:
    """A recurring time ("every week"): its SET value as the rule read it."""
    return Resolution("SET", value.value, "a recurring time")
