"""Where the chart opens: the stretch holding most events, the rest one click away."""

from __future__ import annotations

from datetime import date, timedelta

from tests.render.samples import BACKGROUND_IDS, SAME_DAY_IDS, background_story_events
from timeline.model import Event
from timeline.render import render
from timeline.render.figure import build_figure, opening_frame
from timeline.render.framing import frame_story, outside_note
from timeline.render.lanes import place_events
from timeline.temporal.extent import Extent


def _days(*days: date) -> list[Extent]:
    return [Extent(day, day, "day") for day in days]


def _story(count: int, start: date = date(2024, 3, 1), step: int = 12) -> list[date]:
    return [start + timedelta(days=step * index) for index in range(count)]


def test_a_background_event_decades_before_is_left_out_of_the_opening_view() -> None:
    frame = frame_story(_days(date(1945, 8, 15), *_story(30)))
    assert frame.first > date(1945, 8, 15)
    assert frame.first <= date(2024, 3, 1) and frame.last >= _story(30)[-1]
    assert (frame.earlier, frame.earliest, frame.later) == (1, date(1945, 8, 15), 0)


def test_the_opening_view_is_padded_so_no_marker_sits_on_its_edge() -> None:
    story = _story(30)
    frame = frame_story(_days(date(1990, 9, 1), *story))
    assert frame.first < story[0] - timedelta(days=6)
    assert frame.last > story[-1] + timedelta(days=6)


def test_a_later_outlier_is_left_out_too() -> None:
    frame = frame_story(_days(*_story(30), date(2040, 1, 1)))
    assert (frame.earlier, frame.later, frame.latest) == (0, 1, date(2040, 1, 1))
    assert outside_note(frame) == "1 later event, to 2040"


def test_events_close_to_the_densest_stretch_join_it() -> None:
    # the shortest window with 90% would drop the first two story events; they are near it
    story = _story(40)
    frame = frame_story(_days(date(1945, 8, 15), date(1990, 9, 1), *story))
    assert frame.earlier == 2 and frame.first < story[0]


def test_evenly_spread_events_open_on_their_full_extent() -> None:
    frame = frame_story(_days(*_story(30, step=200)))
    assert frame.outside == 0
    assert (frame.first, frame.last) == (date(2024, 3, 1), _story(30, step=200)[-1])


def test_fewer_than_ten_events_are_all_shown() -> None:
    frame = frame_story(_days(date(1945, 8, 15), *_story(8)))
    assert frame.outside == 0


def test_no_events_frame_nothing() -> None:
    assert frame_story([]).outside == 0


def test_the_note_counts_the_earlier_events_and_says_from_when() -> None:
    frame = frame_story(_days(date(1945, 8, 15), date(1990, 9, 1), *_story(40)))
    assert outside_note(frame) == "2 earlier events, from 1945"


def test_the_note_is_empty_when_nothing_is_left_out() -> None:
    assert outside_note(frame_story(_days(*_story(5)))) == ""


def test_the_figure_opens_on_the_story_and_keeps_the_full_range_for_show_all() -> None:
    events = background_story_events()
    figure = build_figure(events)
    opening = [date.fromisoformat(day) for day in figure.layout.xaxis.range]
    story = [date.fromisoformat(e.date) for e in events if e.date.startswith("202")]
    assert opening[0] <= min(story) and max(story) < opening[1]
    assert opening[0] > date(1990, 9, 30)
    full = [date.fromisoformat(day) for day in figure.layout.meta["full_range"]]
    assert full[0] < date(1945, 8, 15) and full[1] > max(story)
    assert list(figure.layout.xaxis.rangeslider.range) == figure.layout.meta["full_range"]


def test_key_labels_are_for_events_in_the_opening_view() -> None:
    figure = build_figure(background_story_events())
    names = {label.name for label in figure.layout.annotations}
    assert names and not names & set(BACKGROUND_IDS)


def test_same_day_events_in_one_lane_each_get_their_own_row() -> None:
    events = background_story_events()
    placed, _ = place_events(events, opening_frame(events).days)
    rows = [p.y for p in placed if p.event.id in SAME_DAY_IDS]
    assert len(set(rows)) == len(SAME_DAY_IDS)


def test_same_day_events_get_their_own_rows_even_beyond_the_row_limit() -> None:
    events = [
        Event(id=f"e{n}", title=f"E{n}", date="2025-06-04", category="visit") for n in range(9)
    ]
    placed, lanes = place_events(events)
    assert len({p.y for p in placed}) == 9 and lanes[0].rows == 9


def test_the_page_says_which_events_lie_outside_with_a_show_all_button() -> None:
    page = render.render_html(background_story_events())
    assert '<p id="timeline-outside">2 earlier events, from 1945 — ' in page
    assert 'id="timeline-show-all"' in page


def test_the_dates_run_along_the_top_of_the_chart() -> None:
    assert build_figure(background_story_events()).layout.xaxis.side == "top"


def test_the_chart_is_never_taller_than_the_window() -> None:
    page = render.render_html(background_story_events())
    assert 'style="height:min(' in page and "100vh - 16px" in page


def test_a_span_held_by_the_opening_view_is_seen_whole() -> None:
    year = Extent(date(2024, 1, 1), date(2024, 12, 31), "year")
    frame = frame_story([year, *_days(date(1945, 8, 15), *_story(30, start=date(2024, 6, 1)))])
    assert frame.earlier == 1 and frame.first < date(2024, 1, 1)
