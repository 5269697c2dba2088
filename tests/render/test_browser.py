"""The timeline page in a real browser: Playwright driving Debian's headless chromium.

One page load serves the whole module. Without /usr/bin/chromium the tests skip, saying why;
with TIMELINE_REQUIRE_BROWSER=1 (set by .ci/run) they fail instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from tests.browser import CHROMIUM, launch_chromium
from tests.render.samples import source, story_events
from timeline.model import Event
from timeline.render import render

HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Hostile <b>title</b>'


def _unavailable(reason: str) -> None:
    if os.environ.get("TIMELINE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are required here (TIMELINE_REQUIRE_BROWSER=1): {reason}")
    pytest.skip(reason)


def _events() -> list[Event]:
    hostile = Event(
        id="hostile-2025-07-10",
        title=HOSTILE_TITLE,
        date="2025-07-10",
        category="diplomacy",
        sources=(
            replace(
                source("2025-07-11-hostile.txt", "<script>window.__pwned=2</script> said so."),
                url="javascript:window.__pwned=3",
            ),
        ),
    )
    return [*story_events(), hostile]


def _record_errors(page: Any, errors: list[str]) -> None:
    """Collect console errors and uncaught exceptions of the page into `errors`."""

    def on_console(message: Any) -> None:
        if message.type == "error":
            errors.append(message.text)

    def on_page_error(error: Any) -> None:
        errors.append(str(error))

    page.on("console", on_console)
    page.on("pageerror", on_page_error)


@dataclass
class LoadedPage:
    page: Any
    context: Any
    events: list[Event]
    html_path: Path
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoadedPage]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    events = _events()
    out_dir = tmp_path_factory.mktemp("output")
    html_path = render.write_outputs(events, out_dir)[0]
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        state = LoadedPage(page=None, context=context, events=events, html_path=html_path)

        def guard(route: Any) -> None:
            state.requests.append(route.request.url)
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        _record_errors(page, state.console_errors)
        page.goto(html_path.as_uri())
        page.wait_for_function(f"document.getElementById('{render.DIV_ID}')._fullLayout")
        # Record window.open calls instead of opening tabs: no network, and the URL is checkable.
        page.evaluate(
            "() => { window.__opened = []; window.open = (u) => { window.__opened.push(u); }; }"
        )
        state.page = page
        yield state
        browser.close()


def _drawn_ids(page: Any) -> list[str]:
    return list(
        page.evaluate(
            f"""() => document.getElementById('{render.DIV_ID}').data
                .filter(t => t.meta && (t.meta.kind === 'day' || t.meta.kind === 'span'))
                .flatMap(t => t.customdata.map(c => c.id))"""
        )
    )


def _point_position(page: Any, event_id: str) -> dict[str, float]:
    """The pixel centre of an event's marker, or of the drawn part of its span."""
    position: dict[str, float] = page.evaluate(
        f"""(id) => {{
            const gd = document.getElementById('{render.DIV_ID}');
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
            const box = gd.getBoundingClientRect();
            for (const t of gd.data) {{
                if (!t.meta || !['day', 'span'].includes(t.meta.kind)) continue;
                const i = t.customdata.findIndex(c => c.id === id);
                if (i < 0) continue;
                let x = xa.d2l(t.x[i]);
                if (t.meta.kind === 'span') x = xa.d2l(t.base[i]) + t.x[i] / 2;
                return {{x: box.left + xa._offset + xa.l2p(x),
                         y: box.top + ya._offset + ya.l2p(t.y[i])}};
            }}
            return null;
        }}""",
        event_id,
    )
    assert position, f"event {event_id} is not drawn"
    return position


def _hover_text(page: Any, event_id: str) -> str:
    """Move the mouse onto the event; the hover label's text once it shows this event."""
    position = _point_position(page, event_id)
    page.mouse.move(0, 0)
    page.mouse.move(position["x"], position["y"])
    page.wait_for_function(
        f"""(id) => {{
            const gd = document.getElementById('{render.DIV_ID}');
            return (gd._hoverdata || []).some(p => p.customdata && p.customdata.id === id)
                && document.querySelector('.hoverlayer .hovertext');
        }}""",
        arg=event_id,
    )
    return str(page.text_content(".hoverlayer .hovertext"))


def _click(page: Any, event_id: str) -> None:
    """Hover first, as a person does: plotly clicks the point its (throttled) hover found."""
    _hover_text(page, event_id)
    page.mouse.down()
    page.mouse.up()


def test_page_loads_with_no_console_error(loaded: LoadedPage) -> None:
    assert loaded.console_errors == []


def test_page_makes_no_network_request(loaded: LoadedPage) -> None:
    assert [url for url in loaded.requests if not url.startswith("file://")] == []


def test_drawn_points_match_the_events(loaded: LoadedPage) -> None:
    assert sorted(_drawn_ids(loaded.page)) == sorted(event.id for event in loaded.events)


def test_hovering_a_marker_shows_its_title(loaded: LoadedPage) -> None:
    text = _hover_text(loaded.page, "putin-trump-alaska-summit-2025-08-15")
    assert "Putin and Trump meet at a summit in Alaska" in text
    assert "15 August 2025" in text


def test_hovering_a_span_shows_its_title_and_vague_date(loaded: LoadedPage) -> None:
    text = _hover_text(loaded.page, "engineers-sent-2025-early")
    assert "Pyongyang promises engineers" in text
    assert "early 2025" in text


def test_hostile_title_is_shown_as_text_not_run(loaded: LoadedPage) -> None:
    text = _hover_text(loaded.page, "hostile-2025-07-10")
    assert "<img src=x" in text
    assert loaded.page.evaluate("window.__pwned") is None


def test_clicking_an_event_opens_its_source(loaded: LoadedPage) -> None:
    _click(loaded.page, "shoigu-meets-kim-2025-06-04")
    assert loaded.page.evaluate("window.__opened") == ["https://example.org/kim-vows"]


def test_clicking_a_key_event_label_opens_its_source(loaded: LoadedPage) -> None:
    loaded.page.evaluate("() => { window.__opened = []; }")
    loaded.page.locator(".annotation-text", has_text="Putin and Trump meet").click()
    assert loaded.page.evaluate("window.__opened") == ["https://example.org/putin-lauds"]


def test_clicking_an_event_without_url_shows_its_quotes(loaded: LoadedPage) -> None:
    _click(loaded.page, "hostile-2025-07-10")
    panel = loaded.page.locator("#timeline-panel")
    panel.wait_for(state="visible")
    assert "<script>window.__pwned=2</script> said so." in panel.inner_text()
    assert loaded.page.locator("#timeline-panel script, #timeline-panel img").count() == 0
    assert loaded.page.locator("#timeline-panel a").count() == 0  # javascript: is no link
    assert loaded.page.evaluate("window.__pwned") is None


def test_clicking_a_lane_in_the_legend_hides_and_shows_the_lane(loaded: LoadedPage) -> None:
    visibility = f"""() => document.getElementById('{render.DIV_ID}').data
        .filter(t => t.legendgroup === 'visit')
        .map(t => t.visible === undefined ? true : t.visible)"""
    entry = loaded.page.locator(".legend .traces", has_text="Visit")
    entry.click()
    loaded.page.wait_for_function(f"({visibility})().every(v => v === 'legendonly')")
    entry.click()
    loaded.page.wait_for_function(f"({visibility})().every(v => v === true)")


def test_range_button_shows_the_last_month(loaded: LoadedPage) -> None:
    page = loaded.page
    span_days = f"""() => {{
        const r = document.getElementById('{render.DIV_ID}')._fullLayout.xaxis.range;
        return (new Date(r[1]) - new Date(r[0])) / 86400000;
    }}"""
    page.locator(".rangeselector .button", has_text="1m").click()
    page.wait_for_function(f"({span_days})() < 32")
    page.locator(".rangeselector .button", has_text="all").click()
    page.wait_for_function(f"({span_days})() > 365")


def test_key_labels_do_not_overlap_on_a_narrow_page(loaded: LoadedPage) -> None:
    overlaps = """() => {
        const boxes = [...document.querySelectorAll('.annotation .annotation-text-g')]
            .map(label => label.getBoundingClientRect());
        return boxes.some((a, i) => boxes.slice(0, i).some(b =>
            a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
    }"""
    loaded.page.set_viewport_size({"width": 500, "height": 900})
    try:
        loaded.page.wait_for_function(
            f"document.getElementById('{render.DIV_ID}')._fullLayout.width < 600"
        )
        loaded.page.wait_for_function(f"!({overlaps})()", timeout=5000)
    finally:
        loaded.page.set_viewport_size({"width": 1400, "height": 900})


def _selected_ids(page: Any) -> list[str]:
    """The ids of the chart's events the filter leaves selected (all of them when no filter)."""
    return sorted(
        page.evaluate(
            f"""() => document.getElementById('{render.DIV_ID}').data
                .filter(t => t.meta && (t.meta.kind === 'day' || t.meta.kind === 'span'))
                .flatMap(t => t.customdata
                    .filter((c, i) => !Array.isArray(t.selectedpoints) || t.selectedpoints.includes(i))
                    .map(c => c.id))"""
        )
    )


def _listed_ids(page: Any) -> list[str]:
    return sorted(
        page.evaluate(
            "() => [...document.querySelectorAll('#timeline-list li:not([hidden])')].map(li => li.dataset.id)"
        )
    )


def test_filter_keeps_matching_events_in_chart_and_list(loaded: LoadedPage) -> None:
    page = loaded.page
    expected = sorted(
        event.id
        for event in loaded.events
        if "shoigu"
        in (event.title + " ".join(event.actors) + " ".join(s.quote for s in event.sources)).lower()
    )
    page.fill("#timeline-filter", "Shoigu")
    try:
        page.wait_for_function(
            "document.getElementById('timeline-filter-count').textContent !== ''"
        )
        assert _listed_ids(page) == expected
        assert _selected_ids(page) == expected
        count = page.text_content("#timeline-filter-count")
        assert count == f"{len(expected)} of {len(loaded.events)} events match"
    finally:
        page.fill("#timeline-filter", "")
    assert _listed_ids(page) == sorted(event.id for event in loaded.events)
    assert _selected_ids(page) == sorted(event.id for event in loaded.events)


def test_filter_needs_every_word_typed(loaded: LoadedPage) -> None:
    page = loaded.page
    page.fill("#timeline-filter", "shoigu nosuchword")
    try:
        page.wait_for_function(
            "document.getElementById('timeline-filter-count').textContent !== ''"
        )
        assert _listed_ids(page) == []
        assert _selected_ids(page) == []
    finally:
        page.fill("#timeline-filter", "")


def test_filter_in_the_address_is_applied_on_load(loaded: LoadedPage) -> None:
    page = loaded.context.new_page()
    errors: list[str] = []
    _record_errors(page, errors)
    page.goto(loaded.html_path.as_uri() + "#filter=alaska")
    page.wait_for_function("document.getElementById('timeline-filter-count').textContent !== ''")
    assert page.input_value("#timeline-filter") == "alaska"
    assert "putin-trump-alaska-summit-2025-08-15" in _listed_ids(page)
    assert len(_listed_ids(page)) < len(loaded.events)
    assert errors == []
    page.close()


def test_clicking_a_title_in_the_list_shows_its_sources(loaded: LoadedPage) -> None:
    page = loaded.page
    page.locator('#timeline-list li[data-id="hostile-2025-07-10"] .timeline-item-title').click()
    panel = page.locator("#timeline-panel")
    panel.wait_for(state="visible")
    assert "<script>window.__pwned=2</script> said so." in panel.inner_text()
    assert page.evaluate("window.__pwned") is None
    page.locator("#timeline-panel-close").click()


def test_screenshot_is_saved(loaded: LoadedPage, tmp_path: Path) -> None:
    shot = tmp_path / "timeline.png"
    loaded.page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_page_with_no_events_says_so_without_errors(loaded: LoadedPage, tmp_path: Path) -> None:
    html_path = render.write_outputs([], tmp_path)[0]
    page = loaded.context.new_page()
    errors: list[str] = []
    _record_errors(page, errors)
    page.goto(html_path.as_uri())
    page.wait_for_function(f"document.getElementById('{render.DIV_ID}')._fullLayout")
    assert "No events yet" in page.inner_text("header")
    assert errors == []
    page.close()


def test_missing_browser_skips_with_its_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TIMELINE_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium is missing"):
        _unavailable("chromium is missing")


def test_missing_browser_fails_where_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="TIMELINE_REQUIRE_BROWSER=1"):
        _unavailable("chromium is missing")
