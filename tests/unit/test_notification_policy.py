"""The policy file: the default is valid, and mistakes are reported with the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from notifications.policy import DEFAULT_POLICY, LevelKind, PolicyError, load_policy, parse_policy


def test_the_packaged_default_policy_loads_with_its_levels_in_order():
    policy = load_policy()
    assert [level.offset for level in policy.levels] == [-5, -1, 1, 5, 10]
    assert policy.repeat is not None and (policy.repeat.every, policy.repeat.times) == (5, 3)
    assert policy.levels[-1].kind is LevelKind.escalation


def test_levels_written_out_of_order_are_sorted_by_offset():
    policy = parse_policy(
        "levels:\n  - {name: b, kind: overdue, offset: 2, to: [lead]}\n"
        "  - {name: a, kind: reminder, offset: -2, to: [lead]}\n",
        "p.yaml",
    )
    assert [level.name for level in policy.levels] == ["a", "b"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            "levels:\n  - name: a\n    kind: reminder\n    offset: 3\n    to: [lead]\n",
            2,
            "reminder comes on or before",
        ),
        (
            "levels:\n  - {name: a, kind: overdue, offset: 1, to: [lead]}\n"
            "  - {name: b, kind: escalation, offset: 5, to: [lead, boss]}\n",
            3,
            "unknown recipient 'boss'",
        ),
        (
            "levels:\n  - {name: a, kind: overdue, offset: 1, to: [lead]}\n"
            "  - {name: a, kind: escalation, offset: 5, to: [lead]}\n",
            3,
            "used twice",
        ),
        (
            "levels:\n  - {name: a, kind: overdue, offset: 1, to: [lead]}\nrepeat: {every: 0, times: 2}\n",
            3,
            "every",
        ),
        ("levels:\n  - {name: a, kind: sometimes, offset: 1, to: [lead]}\n", 2, "kind"),
        ("levels: []\n", 1, "at least 1"),
        (
            "levels:\n  - {name: a, kind: overdue, offset: 1, to: [lead]}\nstop_on: [report, rain]\n",
            3,
            "stop_on",
        ),
        ("levels:\n  - {name: a, kind: overdue, offset: 1, to: [lead]\n", 3, "broken YAML"),
    ],
)
def test_a_broken_policy_names_the_file_the_line_and_the_problem(text: str, line: int, words: str):
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, "my-policy.yaml")
    assert caught.value.source == "my-policy.yaml"
    assert caught.value.line == line
    assert words in str(caught.value)


def test_named_addresses_and_plain_emails_are_valid_recipients():
    policy = parse_policy(
        "levels:\n  - {name: a, kind: escalation, offset: 3, to: [bch, vanthu@example.org]}\n"
        "addresses: {bch: [bithu@example.org]}\n",
        "p.yaml",
    )
    assert policy.levels[0].to == ("bch", "vanthu@example.org")


def test_a_missing_policy_file_is_a_clear_error(tmp_path: Path):
    with pytest.raises(PolicyError, match="cannot read the policy"):
        load_policy(tmp_path / "nope.yaml")
    assert DEFAULT_POLICY.is_file()
