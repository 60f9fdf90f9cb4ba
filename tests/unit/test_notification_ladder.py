"""The pure decision, level by level: reminders, overdue, escalation, repeats, stops and holds."""

from __future__ import annotations

from datetime import date

from models.deadlines import Deadline, Recurrence
from models.plan import Role
from models.status import Lifecycle, Tracked, evaluate_one
from notifications.decide import decide
from notifications.ladder import ladder
from notifications.policy import load_policy, parse_policy
from tests.notify_support import HELPER, levels, registry, simulate, subject

POLICY = load_policy()  # the packaged default: -5, -1, +1, +5, +10, then every 5 working days, 3 times
DUE = date(2026, 11, 20)  # a Friday; Tuesday 24/11/2026 is a public holiday (Ngày Văn hóa Việt Nam)
VANPHONG, TUYENGIAO, THUONGTRUC = "vanphong@tu.example", "tuyengiao@tu.example", "thuongtruc@tu.example"


def test_the_default_ladder_falls_on_working_days_counted_from_the_effective_due():
    days = [(step.level, step.day) for step in ladder(POLICY, DUE)]
    assert days == [
        ("nhac-truoc-5", date(2026, 11, 13)),
        ("nhac-truoc-1", date(2026, 11, 19)),
        ("qua-han", date(2026, 11, 23)),
        ("leo-thang-1", date(2026, 11, 30)),  # 24/11 is a holiday, so +5 working days is Monday 30/11
        ("leo-thang-2", date(2026, 12, 7)),
        ("nhac-lai-1", date(2026, 12, 14)),
        ("nhac-lai-2", date(2026, 12, 21)),
        ("nhac-lai-3", date(2026, 12, 28)),
    ]


def test_an_unanswered_lead_climbs_every_level_once_then_repeats_at_most_three_times():
    history = simulate(POLICY, lambda day: [subject(DUE, day)], date(2026, 11, 1), date(2027, 2, 1))
    assert levels(history, VANPHONG) == [
        (date(2026, 11, 13), "nhac-truoc-5"),
        (date(2026, 11, 19), "nhac-truoc-1"),
        (date(2026, 11, 23), "qua-han"),
        (date(2026, 11, 30), "leo-thang-1"),
        (date(2026, 12, 7), "leo-thang-2"),
        (date(2026, 12, 14), "nhac-lai-1"),
        (date(2026, 12, 21), "nhac-lai-2"),
        (date(2026, 12, 28), "nhac-lai-3"),
    ]
    # The coordinator (no coordinator named: the issuer stands in) hears from the first escalation on.
    assert levels(history, THUONGTRUC) == [
        (date(2026, 11, 30), "leo-thang-1"),
        (date(2026, 12, 7), "leo-thang-2"),
        (date(2026, 12, 14), "nhac-lai-1"),
        (date(2026, 12, 21), "nhac-lai-2"),
        (date(2026, 12, 28), "nhac-lai-3"),
    ]


def test_each_level_goes_to_the_recipients_the_policy_names():
    text = """
levels:
  - {name: truoc, kind: reminder, offset: -1, to: [lead, participants]}
  - {name: qua-han, kind: overdue, offset: 1, to: [lead]}
  - {name: leo-thang, kind: escalation, offset: 2, to: [coordinator, parent, issuer, bch]}
coordinators: [{issuer: Ban Thường vụ Thành ủy, unit: Ban Tuyên giáo Thành ủy}]
addresses: {bch: [BiThu@TU.example]}
"""
    policy = parse_policy(text, "policy.yaml")

    def both(day: date) -> list:
        return [subject(DUE, day), subject(DUE, day, unit=HELPER, role=Role.participant, assignment_id=2)]

    history = simulate(policy, both, date(2026, 11, 16), date(2026, 12, 1))
    by_level: dict[str, set[str]] = {}
    for _day, level, address in history:
        by_level.setdefault(level, set()).add(address)
    assert by_level == {
        "truoc": {VANPHONG, "tochuc@tu.example", "tochuc2@tu.example"},
        "qua-han": {VANPHONG},
        # Only the lead's lateness climbs; the parent of Văn phòng is the issuer, reached once.
        "leo-thang": {TUYENGIAO, THUONGTRUC, "bithu@tu.example"},
    }


def test_a_report_between_two_levels_stops_the_later_ones():
    reported = date(2026, 11, 26)  # after the overdue notice, before the first escalation

    def subjects(day: date) -> list:
        return [subject(DUE, day, reported=[reported] if day >= reported else [])]

    history = simulate(POLICY, subjects, date(2026, 11, 1), date(2027, 1, 31))
    assert [level for _, level in levels(history, VANPHONG)] == ["nhac-truoc-5", "nhac-truoc-1", "qua-han"]


def test_a_report_before_the_deadline_stops_the_remaining_reminders():
    def subjects(day: date) -> list:
        return [subject(DUE, day, reported=[date(2026, 11, 16)] if day >= date(2026, 11, 16) else [])]

    history = simulate(POLICY, subjects, date(2026, 11, 1), date(2027, 1, 31))
    assert levels(history, VANPHONG) == [(date(2026, 11, 13), "nhac-truoc-5")]


def test_an_extension_mid_ladder_restarts_it_on_the_new_deadline_and_keeps_the_history():
    extended_on, new_due = date(2026, 12, 1), date(2026, 12, 31)

    def subjects(day: date) -> list:
        if day < extended_on:
            return [subject(DUE, day)]
        return [subject(new_due, day, version=2)]

    sent: set = set()
    history = simulate(POLICY, subjects, date(2026, 11, 1), date(2027, 1, 20), sent)
    assert levels(history, VANPHONG) == [
        (date(2026, 11, 13), "nhac-truoc-5"),
        (date(2026, 11, 19), "nhac-truoc-1"),
        (date(2026, 11, 23), "qua-han"),
        (date(2026, 11, 30), "leo-thang-1"),
        # gia hạn on 1/12: the old ladder stops before leo-thang-2; the new one starts from the top
        (date(2026, 12, 24), "nhac-truoc-5"),
        (date(2026, 12, 30), "nhac-truoc-1"),
        (date(2027, 1, 4), "qua-han"),  # 1/1 is a holiday, then a weekend
        (date(2027, 1, 8), "leo-thang-1"),
        (date(2027, 1, 15), "leo-thang-2"),
    ]
    versions = {key.version for key in sent if key.recipient == VANPHONG}
    assert versions == {1, 2}  # what went out under the first deadline is still there


def test_nothing_is_sent_on_a_weekend_or_holiday_and_the_step_is_held_to_the_next_working_day():
    # Sweeps that only ran on the holiday and the days after: nothing on 24/11 (holiday), the
    # +1 step (due 23/11) goes out on the next working day, 25/11.
    on_holiday = decide(POLICY, [subject(DUE, date(2026, 11, 24))], registry(), set(), date(2026, 11, 24))
    assert on_holiday.notices == []
    on_saturday = decide(POLICY, [subject(DUE, date(2026, 11, 21))], registry(), set(), date(2026, 11, 21))
    assert on_saturday.notices == []
    next_day = decide(POLICY, [subject(DUE, date(2026, 11, 25))], registry(), set(), date(2026, 11, 25))
    assert {(n.step.level, n.recipient.address) for n in next_day.notices} == {("qua-han", VANPHONG)}


def test_tet_holds_every_step_and_the_ladder_counts_only_working_days_around_it():
    due = date(2026, 2, 23)  # the first working day after Tết Bính Ngọ (16–20/2/2026)
    history = simulate(POLICY, lambda day: [subject(due, day)], date(2026, 2, 1), date(2026, 3, 10))
    assert levels(history, VANPHONG) == [
        (date(2026, 2, 9), "nhac-truoc-5"),
        (date(2026, 2, 13), "nhac-truoc-1"),  # the last working day before Tết
        (date(2026, 2, 24), "qua-han"),
        (date(2026, 3, 2), "leo-thang-1"),
        (date(2026, 3, 9), "leo-thang-2"),
    ]
    assert all(
        day.weekday() < 5 and not (date(2026, 2, 16) <= day <= date(2026, 2, 20)) for day, *_ in history
    )


def test_a_deadline_on_a_weekend_is_in_force_the_next_monday_and_overdue_the_day_after():
    saturday = date(2026, 11, 14)
    history = simulate(POLICY, lambda day: [subject(saturday, day)], date(2026, 11, 1), date(2026, 11, 20))
    assert (date(2026, 11, 17), "qua-han") in levels(history, VANPHONG)
    assert (date(2026, 11, 16), "qua-han") not in levels(history, VANPHONG)


def test_a_tentative_deadline_gets_reminders_but_is_never_escalated():
    history = simulate(
        POLICY, lambda day: [subject(DUE, day, tentative=True)], date(2026, 11, 1), date(2027, 2, 1)
    )
    assert {level for _, level, _ in history} == {"nhac-truoc-5", "nhac-truoc-1"}


def test_missed_sweeps_send_only_the_latest_step_never_a_backlog():
    # No sweep ran between 10/11 and 2/12: on 2/12 only leo-thang-1 is due, not the three before it.
    first = decide(POLICY, [subject(DUE, date(2026, 12, 2))], registry(), set(), date(2026, 12, 2))
    assert {n.step.level for n in first.notices} == {"leo-thang-1"}
    sent = {n.key for n in first.notices}
    again = decide(POLICY, [subject(DUE, date(2026, 12, 3))], registry(), sent, date(2026, 12, 3))
    assert again.notices == []


def test_a_reminder_is_not_sent_once_the_deadline_has_passed():
    policy_text = "levels:\n  - {name: truoc, kind: reminder, offset: -1, to: [lead]}\n"
    policy = parse_policy(policy_text, "p.yaml")
    late = decide(policy, [subject(DUE, date(2026, 11, 23))], registry(), set(), date(2026, 11, 23))
    assert late.notices == []


def test_cancelled_and_paused_assignments_get_nothing():
    for lifecycle in (Lifecycle.cancelled, Lifecycle.paused):
        found = decide(
            POLICY,
            [subject(DUE, date(2026, 11, 23), lifecycle=lifecycle)],
            registry(),
            set(),
            date(2026, 11, 23),
        )
        assert found.notices == []


def test_a_policy_that_does_not_stop_on_pause_keeps_reminding_a_paused_assignment():
    text = (
        "levels:\n  - {name: qua-han, kind: overdue, offset: 1, to: [lead]}\n"
        "stop_on: [report, cancellation]\n"
    )
    policy = parse_policy(text, "p.yaml")
    found = decide(
        policy,
        [subject(DUE, date(2026, 11, 23), lifecycle=Lifecycle.paused)],
        registry(),
        set(),
        date(2026, 11, 23),
    )
    # A paused assignment evaluates as paused (no overdue status), yet its ladder still runs.
    assert [n.step.level for n in found.notices] == ["qua-han"]


def test_the_same_notification_is_never_decided_twice():
    day = date(2026, 11, 23)
    first = decide(POLICY, [subject(DUE, day)], registry(), set(), day)
    second = decide(POLICY, [subject(DUE, day)], registry(), {n.key for n in first.notices}, day)
    assert first.notices and second.notices == []


def test_an_address_not_reached_yet_still_gets_the_current_step():
    day = date(2026, 11, 30)
    first = decide(POLICY, [subject(DUE, day)], registry(), set(), day)
    assert {n.recipient.address for n in first.notices} == {VANPHONG, THUONGTRUC}
    sent = {n.key for n in first.notices if n.recipient.address == VANPHONG}
    later = decide(POLICY, [subject(DUE, day)], registry(), sent, day)
    assert [(n.step.level, n.recipient.address) for n in later.notices] == [("leo-thang-1", THUONGTRUC)]


def test_a_recurring_deadline_climbs_one_ladder_per_occurrence():
    deadline = Deadline(
        text="trước ngày 20 hằng tháng",
        kind="recurring",
        start=date(2026, 9, 1),
        due=date(2026, 9, 19),
        recurrence=Recurrence(frequency="monthly", day=20, strictly_before=True),
    )
    reports = [date(2026, 9, 18), date(2026, 10, 19)]  # September and October answered, November not

    def subjects(day: date) -> list:
        base = subject(DUE, day)
        tracked = Tracked(key="a1", deadline=deadline)
        evaluation = evaluate_one(tracked, [r for r in reports if r <= day], day)
        return [base.model_copy(update={"deadline": deadline, "evaluation": evaluation})]

    history = simulate(POLICY, subjects, date(2026, 9, 1), date(2026, 11, 30))
    got = [(day, level) for day, level in levels(history, VANPHONG)]
    assert got == [
        (date(2026, 9, 14), "nhac-truoc-5"),
        (date(2026, 9, 18), "nhac-truoc-1"),
        (date(2026, 10, 12), "nhac-truoc-5"),
        (date(2026, 10, 16), "nhac-truoc-1"),
        (date(2026, 11, 12), "nhac-truoc-5"),
        (date(2026, 11, 18), "nhac-truoc-1"),
        (date(2026, 11, 20), "qua-han"),
        (date(2026, 11, 27), "leo-thang-1"),
    ]
