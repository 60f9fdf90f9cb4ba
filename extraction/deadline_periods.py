"""What the other deadline forms mean: half-years, years and their ends, school years, summer, Tết, counted
days, ongoing."""

from __future__ import annotations

import re
from datetime import date, timedelta

from extraction import deadline_patterns as p
from extraction.deadline_forms import read_date
from extraction.deadline_readings import (
    AT_DAY,
    LEFT,
    WITHIN,
    YEARS,
    Context,
    Found,
    K,
    Reading,
    Strength,
    left_match,
    prefix_at,
    year_of,
)
from extraction.deadline_recurring import yearly_from_form
from extraction.deadline_school import school_years_form
from models.deadlines import half_year_window, working_days_due, year_window
from models.workdays import lunar_new_year


def half_year_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    groups = match.groupdict()
    which = groups.get("which") or groups.get("which2") or groups.get("which3") or ""
    begin = match.start()
    if groups.get("which"):  # "6 tháng đầu năm": the "6" stands on the left
        six = left_match(p.SIX_LEFT_RE, text, begin)
        if six is None:
            return None
        begin = six
        prefix, start = prefix_at(text, six)
    year, confidence = year_of(match.group("y"), ctx)
    first, last = half_year_window(year, 1 if which == "đầu" else 2)
    strength = Strength.positional if prefix in WITHIN else Strength.bare
    reading = Reading(K.half_year, last, start=first, confidence=confidence, strength=strength)
    return Found(start if prefix in WITHIN else begin, match.end(), reading)


def year_end_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    if prefix == "từ":
        return None  # "từ cuối năm 2022 đến nay" tells history
    year, confidence = year_of(match.group("y"), ctx)
    reading = Reading(K.year_end, date(year, 12, 31), start=date(year, 12, 1), confidence=confidence)
    occasion = left_match(p.OCCASION_LEFT_RE, text, match.start())
    if occasion is not None:  # "vào dịp cuối năm 2023"
        return Found(occasion, match.end(), reading)
    keeps_prefix = prefix in WITHIN or prefix in AT_DAY or prefix == "trước"
    return Found(start if keeps_prefix else match.start(), match.end(), reading)


def year_start_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    if prefix in ("từ", "ngay từ"):
        return None  # "ngay từ đầu năm": since the start of the year
    year, _ = year_of(match.group("y"), ctx)
    reading = Reading(K.quarter, date(year, 3, 31), start=date(year, 1, 1), confidence=0.5,
                      strength=Strength.bare)
    keeps_prefix = prefix in WITHIN
    return Found(start if keeps_prefix else match.start(), match.end(), reading)


def season_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    begin = left_match(p.SEASON_LEFT_RE, text, match.start())
    if begin is None or text[:match.start()].endswith("vỉa "):
        return None
    year, _ = year_of(match.group("y"), ctx)
    reading = Reading(K.season, date(year, 8, 31), start=date(year, 6, 1), confidence=0.6)
    return Found(begin, match.end(), reading)


def working_days_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    left = text[max(0, match.start() - LEFT):match.start()]
    counted = p.COUNT_LEFT_RE.search(left)
    if counted is None:
        return None
    start = match.start() - (len(left) - counted.start())
    count = int(match.group("count") or match.group("count2"))
    working = match.group("working") is not None
    origin, confidence = _counted_from(match, ctx)
    if origin is None:
        if not working:
            return None  # calendar days from an unknown day: nothing to date
        reading = Reading(K.working_days, None, confidence=0.5, working_days=count)
    elif working:
        reading = Reading(K.working_days, working_days_due(origin, count), start=origin,
                          confidence=confidence, working_days=count)
    else:
        last = origin + timedelta(days=count)
        reading = Reading(K.on_date, last, start=origin, confidence=confidence * 0.9)
    return Found(start, match.end(), reading)


def same_day_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    """ "báo cáo ngay trong ngày": due the day that sets it off. Counted from the document's own date
    ("kể từ ngày ký") that day; else, like "trong N ngày làm việc kể từ ngày nhận được", no day yet: a count
    of 0 working days kept until the day it runs from is known."""
    event = match.group("event")
    if event and ctx.issued is not None and p.FROM_ISSUE_RE.search(event):
        return Found(match.start(), match.end(), Reading(K.on_date, ctx.issued, confidence=0.8))
    return Found(match.start(), match.end(), Reading(K.working_days, None, confidence=0.5, working_days=0))


def _counted_from(match: re.Match[str], ctx: Context) -> tuple[date | None, float]:
    if match.group("d1") or match.group("d2"):
        read = read_date(match, ctx)
        return read if read is not None else (None, 0.5)
    event = match.group("event")
    if event and ctx.issued is not None and p.FROM_ISSUE_RE.search(event):
        return ctx.issued, 0.8
    return None, 0.5


def tet_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    """ "trước Tết Nguyên đán (Ất Tỵ) 2025": the day before the lunar new year; without a year, the first one
    after the document's issue. Other prepositions ("dịp Tết") name an occasion, not a deadline."""
    if prefix != "trước":
        return None
    explicit = match.group("y")
    if match.group("solar"):
        return _before_new_year(match, start, ctx)
    if explicit:
        tet, confidence = lunar_new_year(int(explicit)), 1.0
    elif ctx.issued is not None:
        this_year = lunar_new_year(ctx.issued.year)
        later = this_year if this_year is not None and this_year > ctx.issued else None
        tet, confidence = later or lunar_new_year(ctx.issued.year + 1), 0.9
    else:
        year, confidence = year_of(None, ctx)
        tet, confidence = lunar_new_year(year), confidence * 0.6
    if tet is None:
        return None
    return Found(start, match.end(), Reading(K.before_date, tet - timedelta(days=1), confidence=confidence))


def _before_new_year(match: re.Match[str], start: int, ctx: Context) -> Found | None:
    """ "xong trước Tết Dương lịch (2026)": the last day of the year before; without a year, the first
    1 January after the document's issue (or after the plan's year). Only with a cue ("hoàn thành", "xong",
    a label): "nghỉ trước Tết Dương lịch" tells of a holiday."""
    explicit = match.group("y")
    if explicit:
        year, confidence = int(explicit), 1.0
    elif ctx.issued is not None:
        year, confidence = ctx.issued.year + 1, 0.9
    else:
        year, confidence = year_of(None, ctx)[0] + 1, 0.9
    if year - 1 not in YEARS:
        return None
    reading = Reading(K.before_date, date(year - 1, 12, 31), confidence=confidence, strength=Strength.bare)
    return Found(start, match.end(), reading)


def ongoing_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    return Found(match.start(), match.end(), Reading(K.ongoing, None, strength=Strength.bare))


def year_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    year = int(match.group("y"))
    if match.group("onward") and (yearly := yearly_from_form(text, match, year)) is not None:
        return yearly  # "quý I năm 2025 và các năm tiếp theo": that quarter of each year
    if match.group("onward"):  # "năm 2025 và các năm tiếp theo": ongoing from that year on
        # Without "từ"/"trong" only where a cue or nothing else stands: a title ends so too.
        keeps_prefix = prefix == "từ" or prefix in WITHIN
        strength = Strength.positional if keeps_prefix else Strength.bare
        reading = Reading(K.ongoing, None, start=date(year, 1, 1), strength=strength)
        return Found(start if keeps_prefix else match.start(), match.end(), reading)
    if prefix == "trước":
        return Found(start, match.end(), Reading(K.before_year, date(year - 1, 12, 31)))
    if prefix in ("đến", "tới"):
        reading = Reading(K.by_year, date(year, 12, 31), confidence=0.8, strength=Strength.positional,
                          title_sensitive=True)
        return Found(start, match.end(), reading)
    if prefix in AT_DAY:
        return Found(start, match.end(), Reading(K.by_year, date(year, 12, 31)))
    first, last = year_window(year)
    if prefix in WITHIN:
        return Found(start, match.end(), Reading(K.year, last, start=first, strength=Strength.positional))
    if not prefix:
        return Found(match.start(), match.end(), Reading(K.year, last, start=first, strength=Strength.bare))
    return None  # "từ năm 2020", "cuối năm 2023" (read as a year's end), "đầu năm 2024"


def this_year_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    year, confidence = year_of(None, ctx)
    first, last = year_window(year)
    reading = Reading(K.year, last, start=first, confidence=confidence * 0.9, strength=Strength.bare)
    return Found(match.start(), match.end(), reading)


def year_range_form(text: str, match: re.Match[str], prefix: str, start: int, ctx: Context) -> Found | None:
    first_year, last_year = int(match.group("y1")), int(match.group("y2"))
    if not 0 < last_year - first_year <= 30:
        return None
    reading = Reading(K.year, date(last_year, 12, 31), start=date(first_year, 1, 1), confidence=0.8,
                      strength=Strength.bare)
    lead = left_match(p.RANGE_LEAD_RE, text, match.start())
    if lead is not None:  # "giai đoạn 2026-2030", "năm 2026-2027"
        prefix, start = prefix_at(text, lead)
        if text.startswith("năm học", lead):
            return school_years_form(text, match, lead, prefix, start)
    begin = match.start() if lead is None else lead
    keeps_prefix = prefix in WITHIN or prefix == "từ"
    return Found(start if keeps_prefix else begin, match.end(), reading)
