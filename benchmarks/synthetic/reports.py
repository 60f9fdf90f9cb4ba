"""When units report back: on time, late or never, as they do with real plans.

Of assignments with a deadline: 55% report on time (0–20 days before the deadline in force), 20%
late (1–60 days after), 25% never. Of those without a deadline, 30% report some day of the plan's
year. A report dated after `as_of` has not arrived yet and is left out; 1% of assignments are
cancelled (their plan was revised) and report nothing.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

ON_TIME, LATE = 0.55, 0.20
UNDATED_REPORTED = 0.30
CANCELLED = 0.01


def reported_on(rng: random.Random, due: date | None, year: int, as_of: date) -> date | None:
    """The day the unit reports, or None: no report (yet)."""
    draw = rng.random()
    if due is None:
        day = date(year, 1, 1) + timedelta(days=rng.randrange(365)) if draw < UNDATED_REPORTED else None
    elif draw < ON_TIME:
        day = due - timedelta(days=rng.randrange(21))
    elif draw < ON_TIME + LATE:
        day = due + timedelta(days=rng.randint(1, 60))
    else:
        day = None
    return day if day is not None and day <= as_of else None
