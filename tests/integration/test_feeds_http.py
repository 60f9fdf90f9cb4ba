"""The feed server in process: secret links, 404s that reveal nothing, validators, 304, gzip, HEAD."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import icalendar
import pytest
from sqlalchemy import Engine, select
from starlette.testclient import TestClient

from calendars import service
from calendars.tables import FeedTokenRow
from models.units import Unit
from services.context import Context
from services.settings import Settings
from store.database import transaction
from store.units import save_units
from tests.integration.test_feeds_build import NOW, demo_store
from web.app import build_app


class PinnedContext(Context):
    """The shell's context with its clock pinned to the demo's day."""

    def now(self) -> datetime:
        return NOW


@pytest.fixture
def context(engine: Engine, tmp_path: Path) -> Iterator[Context]:
    demo_store(engine)
    url = engine.url.render_as_string(hide_password=False)
    made = PinnedContext(Settings(data_dir=tmp_path, database_url=url, public_base_url="https://feeds.example"))
    service.rebuild_changed(made)
    yield made
    made.engine.dispose()


@pytest.fixture
def client(context: Context) -> TestClient:
    return TestClient(build_app(context))


def path_of(context: Context, label: str) -> str:
    link = next(link for link in service.links(context) if link.label == label)
    url = link.url(context.settings.public_base_url)
    assert url is not None
    return url.removeprefix(context.settings.public_base_url)


def summaries(body: bytes) -> set[str]:
    calendar = icalendar.Calendar.from_ical(body)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


def test_a_units_link_serves_its_calendar_with_validators(context: Context, client: TestClient) -> None:
    response = client.get(path_of(context, "Văn phòng Thành ủy"))
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.headers["etag"].startswith('"') and response.headers["last-modified"].endswith("GMT")
    found = summaries(response.content)
    assert found and all(s.startswith("[Phối hợp]") for s in found)


def test_validators_answer_304(context: Context, client: TestClient) -> None:
    path = path_of(context, "Văn phòng Thành ủy")
    first = client.get(path)
    tag, modified = first.headers["etag"], first.headers["last-modified"]
    assert client.get(path, headers={"If-None-Match": tag}).status_code == 304
    assert client.get(path, headers={"If-None-Match": f'"other", W/{tag}'}).status_code == 304
    assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    stale = "Mon, 01 Jan 2024 00:00:00 GMT"
    assert client.get(path, headers={"If-Modified-Since": stale}).status_code == 200
    # If-None-Match decides when both are sent (RFC 9110).
    both = {"If-None-Match": '"other"', "If-Modified-Since": modified}
    assert client.get(path, headers=both).status_code == 200


def test_gzip_when_asked_and_head_without_a_body(context: Context, client: TestClient) -> None:
    path = path_of(context, "Ban Tuyên giáo Thành ủy")
    plain = client.get(path, headers={"Accept-Encoding": "identity"})
    zipped = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip" and zipped.headers["vary"] == "Accept-Encoding"
    assert zipped.content == plain.content  # httpx decodes gzip
    assert int(zipped.headers["content-length"]) < len(plain.content)
    assert zipped.headers["etag"] != plain.headers["etag"]
    head = client.head(path, headers={"Accept-Encoding": "identity"})
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len(plain.content))


def test_unknown_malformed_and_revoked_links_all_get_the_same_404(
    context: Context, client: TestClient
) -> None:
    revoked = path_of(context, "Báo Thành phố")
    service.revoke(context, "Báo Thành phố")
    live = path_of(context, "Văn phòng Thành ủy")
    tampered = live[:-5] + ("A" if live[-5] != "A" else "B") + ".ics"
    unknown = "/calendars/" + "a" * 43 + ".ics"
    answers = [client.get(path) for path in (revoked, tampered, "/calendars/x.ics", unknown)]
    assert {r.status_code for r in answers} == {404}
    assert {r.content for r in answers} == {b"Not Found"}
    assert {tuple(sorted(k for k in r.headers if k != "date")) for r in answers} == {
        tuple(sorted(k for k in answers[0].headers if k != "date"))
    }
    assert all(link.token is None for link in service.links(context) if link.label == "Báo Thành phố")


def test_a_rotated_link_stops_working_at_once(context: Context, client: TestClient) -> None:
    old = path_of(context, "Văn phòng Thành ủy")
    assert client.get(old).status_code == 200
    new = service.rotate(context, "VPTU").url(context.settings.public_base_url)  # an abbreviation works too
    assert new is not None
    assert client.get(old).status_code == 404
    assert client.get(new.removeprefix(context.settings.public_base_url)).status_code == 200


def test_no_units_link_opens_another_units_events(context: Context, client: TestClient) -> None:
    links = {link.label: link for link in service.links(context) if link.feed.startswith("unit:")}
    base = context.settings.public_base_url
    seen: dict[str, set[str]] = {}
    for label, link in links.items():
        url = link.url(base)
        assert url is not None
        body = client.get(url.removeprefix(base)).content
        name = str(icalendar.Calendar.from_ical(body)["X-WR-CALNAME"])
        assert name.endswith(f"— {label}")
        seen[label] = summaries(body)
    assert seen["Báo Thành phố"] != seen["Ban Tuyên giáo Thành ủy"]
    assert not any("Biên soạn tài liệu" in s for s in seen["Báo Thành phố"])
    tokens = [link.token for link in links.values() if link.token]
    assert len(set(tokens)) == len(tokens) and all(len(t) == 43 for t in tokens)


def test_tokens_are_stored_only_as_hashes(context: Context) -> None:
    tokens = {link.token for link in service.links(context) if link.token}
    with transaction(context.engine) as session:
        stored = [(row.salt, row.token_hash or "") for row in session.scalars(select(FeedTokenRow))]
    assert stored and not any(value in tokens for row in stored for value in row)


def test_the_todo_variant_serves_vtodos(context: Context, client: TestClient) -> None:
    body = client.get(path_of(context, "Ban Tuyên giáo Thành ủy") + "?kind=todo").content
    calendar = icalendar.Calendar.from_ical(body)
    todos = calendar.walk("VTODO")
    assert todos and not calendar.walk("VEVENT")
    assert {str(t["STATUS"]) for t in todos} <= {"NEEDS-ACTION", "COMPLETED", "CANCELLED"}
    assert all("DUE" in t for t in todos if "Thường xuyên" not in str(t["DESCRIPTION"]))


def test_the_coordinators_feed_filters_by_plan_and_status(context: Context, client: TestClient) -> None:
    path = path_of(context, service.ALL_LABEL)
    everything = summaries(client.get(path).content)
    one_plan = summaries(client.get(path, params={"plan": "12-KH/HU"}).content)
    overdue = summaries(client.get(path, params=[("status", "Quá hạn"), ("status", "overdue")]).content)
    assert one_plan and one_plan < everything
    assert overdue and overdue < everything and all("(Quá hạn)" in s for s in overdue)
    unit_path = path_of(context, "Báo Thành phố")
    assert client.get(unit_path, params={"plan": "12-KH/HU"}).content == client.get(unit_path).content


def test_a_unit_added_after_the_last_build_gets_its_feed_on_first_request(
    context: Context, client: TestClient
) -> None:
    with transaction(context.engine) as session:
        save_units(session, [Unit(name="Ban Dân vận Thành ủy", parent="Ban Thường vụ Thành ủy")])
    response = client.get(path_of(context, "Ban Dân vận Thành ủy"))
    assert response.status_code == 200
    assert "Ban Dân vận Thành ủy" in str(icalendar.Calendar.from_ical(response.content)["X-WR-CALNAME"])
