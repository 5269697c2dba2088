"""The first screen in a real browser, on a story told over 2024-2025 with background events
from 1945 and 1990: framed on the story, dates in sight, nothing hidden under anything.

One page load serves the whole module; the window is resized between tests and put back.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.browser import CHROMIUM, launch_chromium
from tests.render.samples import SAME_DAY_IDS, background_story_events
from tests.render.test_browser import _record_errors, _unavailable
from timeline.render import render

WIDE = {"width": 1920, "height": 1080}
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
PLOT = f"document.getElementById('{render.DIV_ID}')"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    html_path = render.write_outputs(background_story_events(), tmp_path_factory.mktemp("out"))[0]
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        loaded = browser.new_page(viewport=LAPTOP)
        errors: list[str] = []
        _record_errors(loaded, errors)
        loaded.goto(html_path.as_uri())
        loaded.wait_for_function(f"{PLOT}._fullLayout")
        loaded.errors = errors
        yield loaded
        browser.close()


def _resize(page: Any, viewport: dict[str, int]) -> None:
    """Resize the window and wait until the chart has followed and the labels settled."""
    page.set_viewport_size(viewport)
    page.wait_for_function(
        f"Math.abs({PLOT}._fullLayout.width - {PLOT}.getBoundingClientRect().width) < 2"
        f" && window.innerWidth === {viewport['width']}"
    )
    page.wait_for_timeout(400)  # the page spreads labels 200 ms after a resize
    page.evaluate("window.scrollTo(0, 0)")


def _x_range(page: Any) -> list[date]:
    ends = page.evaluate(f"{PLOT}._fullLayout.xaxis.range")
    return [date.fromisoformat(end[:10]) for end in ends]


def _boxes(page: Any, selector: str) -> list[dict[str, float]]:
    return list(
        page.evaluate(
            f"""() => [...document.querySelectorAll('{selector}')]
                .map(e => e.getBoundingClientRect())
                .filter(b => b.width > 0 && b.height > 0)
                .map(b => ({{left: b.left, right: b.right, top: b.top, bottom: b.bottom}}))"""
        )
    )


def _intersect(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def test_page_loads_with_no_console_error(page: Any) -> None:
    assert page.errors == []


def test_the_opening_view_covers_the_story_and_leaves_out_1945(page: Any) -> None:
    first, last = _x_range(page)
    story = [date.fromisoformat(e.date) for e in background_story_events() if e.date >= "2024"]
    assert first <= min(story) and max(story) < last
    assert first > date(1945, 8, 15) and first > date(1990, 9, 30)


def test_the_note_says_what_lies_outside(page: Any) -> None:
    assert page.inner_text("#timeline-outside") == "2 earlier events, from 1945 — show all"


@pytest.mark.parametrize("viewport", [LAPTOP, WIDE], ids=["1366x768", "1920x1080"])
def test_date_labels_are_in_the_first_screen(page: Any, viewport: dict[str, int]) -> None:
    _resize(page, viewport)
    ticks = _boxes(page, ".xaxislayer-above .xtick text")
    assert len(ticks) >= 4
    assert all(0 <= tick["top"] and tick["bottom"] <= viewport["height"] for tick in ticks)
    assert all(0 <= tick["left"] and tick["right"] <= viewport["width"] for tick in ticks)


@pytest.mark.parametrize("viewport", [LAPTOP, WIDE], ids=["1366x768", "1920x1080"])
def test_key_labels_overlap_neither_each_other_nor_the_legend(
    page: Any, viewport: dict[str, int]
) -> None:
    _resize(page, viewport)
    labels = _boxes(page, ".annotation .annotation-text-g")
    (legend,) = _boxes(page, ".legend .bg")
    assert len(labels) == 8
    assert not any(_intersect(a, b) for i, a in enumerate(labels) for b in labels[:i])
    assert not any(_intersect(label, legend) for label in labels)


def test_same_day_events_in_one_lane_are_drawn_apart_and_each_hovered(page: Any) -> None:
    from tests.render.test_browser import _hover_text, _point_position

    _resize(page, LAPTOP)
    positions = [_point_position(page, event_id) for event_id in SAME_DAY_IDS]
    assert len({(round(p["x"]), round(p["y"])) for p in positions}) == len(SAME_DAY_IDS)
    for event_id in SAME_DAY_IDS:
        assert f"Talks {event_id[6]} on the same day" in _hover_text(page, event_id)


def test_on_a_phone_the_page_fits_its_width_and_the_chart_pans(page: Any) -> None:
    _resize(page, PHONE)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert _boxes(page, ".annotation .annotation-text-g") == []  # labels would cover it
        for selector in ("header p", "#timeline-filter", "#timeline-list li"):
            box = page.locator(selector).first.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        before = _x_range(page)
        plot = page.locator(".nsewdrag").first.bounding_box()
        assert plot is not None
        y = plot["y"] + plot["height"] / 2
        page.mouse.move(plot["x"] + plot["width"] * 0.7, y)
        page.mouse.down()
        page.mouse.move(plot["x"] + plot["width"] * 0.3, y, steps=5)
        page.mouse.up()
        page.wait_for_function(f"{PLOT}._fullLayout.xaxis.range[0] > '{before[0]}'")
        after = _x_range(page)
        assert after[0] > before[0] and after[1] > before[1]  # moved later, same width
        assert abs((after[1] - after[0]).days - (before[1] - before[0]).days) <= 1
    finally:
        page.evaluate(
            f"Plotly.relayout({PLOT}, {{'xaxis.range': {PLOT}.layout.meta.opening_range.slice()}})"
        )
        _resize(page, LAPTOP)


def test_screenshots_at_three_sizes(page: Any, tmp_path: Path) -> None:
    """Saved for a person to look at: in $TIMELINE_SCREENSHOTS when set, else a temporary folder."""
    folder = Path(os.environ.get("TIMELINE_SCREENSHOTS", str(tmp_path)))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for viewport in (LAPTOP, WIDE, PHONE):
            _resize(page, viewport)
            shot = folder / f"first-screen-{viewport['width']}x{viewport['height']}.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
    finally:
        _resize(page, LAPTOP)


def test_the_all_button_widens_the_view_to_1945(page: Any) -> None:
    page.locator(".rangeselector .button", has_text="all").click()
    page.wait_for_function(f"{PLOT}._fullLayout.xaxis.range[0] < '1945-08-15'")
    page.evaluate(
        f"Plotly.relayout({PLOT}, {{'xaxis.range': {PLOT}.layout.meta.opening_range.slice()}})"
    )
    page.wait_for_function(f"{PLOT}._fullLayout.xaxis.range[0] > '2000'")


def test_show_all_widens_the_view_to_1945(page: Any) -> None:
    page.click("#timeline-show-all")
    page.wait_for_function(f"{PLOT}._fullLayout.xaxis.range[0] < '1945-08-15'")
    first, last = _x_range(page)
    assert first < date(1945, 8, 15) and last > date(2025, 12, 3)


def test_a_double_click_goes_back_to_the_opening_view(page: Any) -> None:
    opening = page.evaluate(f"{PLOT}.layout.meta.opening_range")
    page.click("#timeline-show-all")
    page.wait_for_function(f"{PLOT}._fullLayout.xaxis.range[0] < '1945-08-15'")
    plot = page.locator(".nsewdrag").first.bounding_box()
    assert plot is not None
    page.mouse.dblclick(plot["x"] + plot["width"] / 2, plot["y"] + plot["height"] - 5)
    page.wait_for_function(f"{PLOT}._fullLayout.xaxis.range[0] > '2000'")
    assert [day.isoformat() for day in _x_range(page)] == [end[:10] for end in opening]
