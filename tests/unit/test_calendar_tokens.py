"""Feed tokens and the log filter: 256-bit secrets derived from a key, hashed, never logged."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from calendars.feed import fan_out
from calendars.serve import RedactTokens, redact
from calendars.tokens import derive, load_key, looks_like_token, matches, token_hash


def test_a_token_is_256_bits_from_the_key_and_salt_and_matches_only_its_hash(tmp_path: Path) -> None:
    key = load_key(tmp_path / "secrets" / "feed.key")
    assert load_key(tmp_path / "secrets" / "feed.key") == key and len(key) == 32
    assert stat.S_IMODE((tmp_path / "secrets" / "feed.key").stat().st_mode) == 0o600
    token = derive(key, "salt-1")
    assert looks_like_token(token) and derive(key, "salt-1") == token
    assert derive(key, "salt-2") != token and derive(b"another key" * 3, "salt-1") != token
    assert matches(token_hash(token), token) and not matches(token_hash(token), derive(key, "salt-2"))
    assert not looks_like_token("../../etc/passwd") and not looks_like_token(token + "x")


def test_log_lines_never_carry_a_token() -> None:
    token = "cQgplZExIv8loouL0cw5UqzZcDrnQxtvLWlInEVPWww"
    record = logging.LogRecord("uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5", "GET", f"/calendars/{token}.ics?kind=todo", "1.1", 200), None)
    assert RedactTokens().filter(record)
    assert token not in record.getMessage() and "/calendars/<token>?kind=todo" in record.getMessage()
    assert token not in redact(f"error while serving /Calendars/{token}.ics")


def test_a_group_assignment_fans_out_to_each_member_and_a_plain_one_stays() -> None:
    receivers = fan_out({1: 10, 2: 20, 3: 30}, {10: (11, 12), 30: (12,)})
    assert receivers == {11: [1], 12: [1, 3], 20: [2]}
