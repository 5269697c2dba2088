"""The latest changes on the page, in a real browser: the starred events are the changed ones,
and the "only new or changed" toggle keeps only them, in the chart and the list."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import CHROMIUM, launch_chromium
from tests.render.samples import story_events
from tests.render.test_browser import (
    _listed_ids,
    _record_errors,
    _selected_ids,
    _unavailable,
)
from timeline.render import render
from timeline.store.changes import Change, Changes

EVENTS = story_events()
CHANGED = sorted(event.id for event in EVENTS[::4])  # day events and spans alike
CHANGES = Changes(
    tuple(
        Change("new" if n % 2 else "date", event_id, event_id) for n, event_id in enumerate(CHANGED)
    )
)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    html_path = render.write_outputs(EVENTS, tmp_path_factory.mktemp("output"), CHANGES)[0]
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("file://") else route.abort()
            ),
        )
        loaded = context.new_page()
        errors: list[str] = []
        _record_errors(loaded, errors)
        loaded.goto(html_path.as_uri())
        loaded.wait_for_function(f"document.getElementById('{render.DIV_ID}')._fullLayout")
        loaded.errors = errors
        loaded.html_path = html_path
        yield loaded
        browser.close()


def _starred_on_chart(page: Any) -> list[str]:
    return sorted(
        page.evaluate(
            f"""() => document.getElementById('{render.DIV_ID}').data
            .filter(t => t.meta && t.meta.kind === 'changed').flatMap(t => t.meta.ids)"""
        )
    )


def _starred_in_list(page: Any) -> list[str]:
    return sorted(
        page.evaluate(
            "() => [...document.querySelectorAll('#timeline-list li[data-changed]')].map(li => li.dataset.id)"
        )
    )


def test_the_stars_on_the_chart_are_the_changed_events(page: Any) -> None:
    assert _starred_on_chart(page) == CHANGED


def test_each_star_sits_on_its_events_date(page: Any) -> None:
    misplaced = page.evaluate(
        f"""() => {{
            const gd = document.getElementById('{render.DIV_ID}');
            const xa = gd._fullLayout.xaxis;
            const where = {{}};
            for (const t of gd.data) {{
                if (!t.meta || !['day', 'span'].includes(t.meta.kind)) continue;
                t.customdata.forEach((c, i) => {{
                    const first = t.meta.kind === 'day' ? xa.d2l(t.x[i]) : xa.d2l(t.base[i]);
                    const last = t.meta.kind === 'day' ? first : first + t.x[i];
                    where[c.id] = [first, last, t.y[i]];
                }});
            }}
            return gd.data.filter(t => t.meta && t.meta.kind === 'changed').flatMap(stars =>
                stars.meta.ids.filter((id, i) => {{
                    const x = xa.d2l(stars.x[i]);
                    const [first, last, y] = where[id];
                    return x < first || x > last || Math.abs(stars.y[i] - y) > 0.5;
                }}));
        }}"""
    )
    assert misplaced == []


def test_the_list_marks_the_changed_events(page: Any) -> None:
    assert _starred_in_list(page) == CHANGED
    assert page.text_content(
        f'#timeline-list li[data-id="{CHANGED[0]}"] .timeline-changed'
    ).startswith("★ latest build:")


def test_the_toggle_shows_only_the_changed_events(page: Any) -> None:
    page.check("#timeline-filter-changed")
    try:
        page.wait_for_function(
            "document.getElementById('timeline-filter-count').textContent !== ''"
        )
        assert _listed_ids(page) == CHANGED
        assert _selected_ids(page) == CHANGED
        assert (
            page.text_content("#timeline-filter-count")
            == f"{len(CHANGED)} of {len(EVENTS)} events match"
        )
        assert page.evaluate("() => window.location.hash").endswith("&changed")
    finally:
        page.uncheck("#timeline-filter-changed")
    assert len(_listed_ids(page)) == len(EVENTS)


def test_the_toggle_and_the_filter_words_combine(page: Any) -> None:
    expected = sorted(
        event.id
        for event in EVENTS
        if event.id in CHANGED
        and "shoigu"
        in (event.title + " ".join(event.actors) + " ".join(s.quote for s in event.sources)).lower()
    )
    assert 0 < len(expected) < len(CHANGED)
    page.check("#timeline-filter-changed")
    page.fill("#timeline-filter", "shoigu")
    try:
        page.wait_for_function(
            f"document.getElementById('timeline-filter-count').textContent.startsWith('{len(expected)} of')"
        )
        assert _listed_ids(page) == expected
        assert _selected_ids(page) == expected
    finally:
        page.fill("#timeline-filter", "")
        page.uncheck("#timeline-filter-changed")


def test_the_toggle_in_the_address_is_applied_on_load(page: Any) -> None:
    other = page.context.new_page()
    other.goto(page.html_path.as_uri() + "#filter=&changed")
    other.wait_for_function("document.getElementById('timeline-filter-count').textContent !== ''")
    assert other.is_checked("#timeline-filter-changed")
    assert _listed_ids(other) == CHANGED
    other.close()


def test_hiding_a_lane_hides_its_stars(page: Any) -> None:
    lane = next(event.category for event in EVENTS if event.id in CHANGED)
    name = lane.capitalize()
    visible = f"""() => document.getElementById('{render.DIV_ID}').data
        .filter(t => t.meta && t.meta.kind === 'changed' && t.legendgroup === '{lane}')
        .map(t => t.visible === undefined ? true : t.visible)"""
    assert page.evaluate(visible) == [True]
    legend = page.locator(".legend .traces", has_text=name).first
    legend.click()
    try:
        page.wait_for_function(
            visible.replace("() =>", "() => (") + ").every(v => v === 'legendonly')"
        )
    finally:
        legend.click()
    page.wait_for_function(visible.replace("() =>", "() => (") + ").every(v => v === true)")


def test_the_page_has_no_console_error(page: Any) -> None:
    assert page.errors == []
