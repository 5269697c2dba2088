"""Render benchmark: 5,000 synthetic events through build_figure and write_outputs, then the
page opened in headless chromium. Prints build and write time, HTML size and page load time.

    /work/venv/bin/python bench/render.py [--events 5000] [--out /tmp/timeline-bench]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser import CHROMIUM, launch_chromium
from timeline.model import CATEGORIES, Event, Source
from timeline.render import render
from timeline.render.figure import build_figure


def synthetic_events(count: int, seed: int = 7) -> list[Event]:
    """A seeded mix over three years: mostly days, then months, years, spans and open bounds."""
    rng = random.Random(seed)
    start = date(2023, 1, 1)
    events = []
    for index in range(count):
        day = start + timedelta(days=rng.randrange(3 * 365))
        shape = rng.random()
        end, qualifier = "", ""
        if shape < 0.6:
            when = day.isoformat()
        elif shape < 0.75:
            when = day.strftime("%Y-%m")
        elif shape < 0.82:
            when, qualifier = str(day.year), rng.choice(("", "early", "mid", "late"))
        elif shape < 0.94:
            when = day.isoformat()
            end = (day + timedelta(days=rng.randrange(2, 90))).isoformat()
        else:
            when, qualifier = day.strftime("%Y-%m"), rng.choice(("before", "after", "since"))
        articles = rng.randrange(1, 4)
        sources = tuple(
            Source(
                article=f"article-{rng.randrange(800):04d}.txt",
                published=(day + timedelta(days=rng.randrange(30))).isoformat(),
                quote=f"Officials said on the day that event number {index} took place. " * 2,
                phrase="on the day",
                outlet=rng.choice(("AFP", "Reuters", "AP", "Yonhap")),
                url=f"https://example.org/{index}/{n}" if rng.random() < 0.7 else "",
            )
            for n in range(articles)
        )
        events.append(
            Event(
                id=f"event-{index:05d}",
                title=f"Synthetic event {index} between leaders",
                date=when,
                end=end,
                qualifier=qualifier,
                category=rng.choice(CATEGORIES),
                actors=("Leader A", "Leader B"),
                place="Capital",
                sources=sources,
                disagreement="dates differ" if rng.random() < 0.05 else "",
                edited=rng.random() < 0.03,
            )
        )
    return events


# Times plotly.js's arrival and Plotly.newPlot inside the page, to split the load time.
_TIMING = """
(() => {
  let plotly;
  Object.defineProperty(window, "Plotly", {
    configurable: true,
    get() { return plotly; },
    set(value) {
      plotly = value;
      window.__plotlyReady = performance.now();
      // the page's own relayouts (key labels moved after the first draw), time and count
      window.__relayoutMs = 0;
      window.__relayouts = 0;
      const relayout = value.relayout;
      value.relayout = function (...args) {
        const began = performance.now();
        window.__relayouts += 1;
        const done = relayout.apply(this, args);
        window.__relayoutMs += performance.now() - began;
        return done;
      };
      const newPlot = value.newPlot;
      value.newPlot = function (...args) {
        const began = performance.now();
        return newPlot.apply(this, args).then((gd) => {
          window.__newPlotMs = performance.now() - began;
          return gd;
        });
      };
    },
  });
})();
"""


def page_load_seconds(
    html: Path,
) -> tuple[float, float, float, float, float, float, tuple[int, float]]:
    """Seconds until the plot is drawn, until plotly.js is ready, newPlot's own time, the
    time one hover takes, one zoom to six months and one pass placing the key labels (run
    after each zoom), in headless chromium; and the relayouts the page made after its first
    draw (labels moved), with their milliseconds."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.add_init_script(_TIMING)
        began = time.perf_counter()
        page.goto(html.as_uri())
        page.wait_for_function(
            f"document.getElementById('{render.DIV_ID}')._fullLayout", timeout=120_000
        )
        loaded = time.perf_counter() - began
        page.wait_for_function("window.__newPlotMs !== undefined")
        ready = page.evaluate("window.__plotlyReady") / 1000
        new_plot = page.evaluate("window.__newPlotMs") / 1000
        page.wait_for_timeout(1000)  # the page's own work after the first draw
        moves = page.evaluate("[window.__relayouts, window.__relayoutMs]")
        began = time.perf_counter()
        page.evaluate(
            f"""() => {{
                const gd = document.getElementById('{render.DIV_ID}');
                const i = gd.data.findIndex(t => t.meta && t.meta.kind === 'day');
                Plotly.Fx.hover(gd, [{{curveNumber: i, pointNumber: 0}}]);
            }}"""
        )
        hovered = time.perf_counter() - began
        zoomed = page.evaluate(
            f"""async () => {{
                const gd = document.getElementById('{render.DIV_ID}');
                const began = performance.now();
                await Plotly.relayout(gd, {{'xaxis.range': ['2024-01-01', '2024-07-01']}});
                return performance.now() - began;
            }}"""
        )
        spread = page.evaluate(
            f"""() => {{
                const gd = document.getElementById('{render.DIV_ID}');
                const began = performance.now();
                timelineSpreadLabels(gd);
                return performance.now() - began;
            }}"""
        )
        browser.close()
    return loaded, ready, new_plot, hovered, zoomed / 1000, spread / 1000, moves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument(
        "--out", type=Path, default=Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    )
    args = parser.parse_args()
    events = synthetic_events(args.events)

    began = time.perf_counter()
    build_figure(events)
    built = time.perf_counter() - began
    began = time.perf_counter()
    paths = render.write_outputs(events, args.out)
    written = time.perf_counter() - began
    html = paths[0]
    print(f"events:                     {len(events)}")
    print(f"build_figure:               {built:.2f} s")
    print(f"write_outputs (all files):  {written:.2f} s")
    print(f"timeline.html size:         {html.stat().st_size / 1e6:.2f} MB")
    for path in paths[1:]:
        print(f"{path.name + ' size:':<28}{path.stat().st_size / 1e6:.2f} MB")
    if Path(CHROMIUM).exists():
        loaded, ready, new_plot, hovered, zoomed, spread, moves = page_load_seconds(html)
        print(f"page load (plot drawn):     {loaded:.2f} s")
        print(f"  plotly.js parsed by:      {ready:.2f} s")
        print(f"  Plotly.newPlot:           {new_plot:.2f} s")
        print(f"  then labels moved:        {moves[0]} relayout(s), {moves[1]:.0f} ms")
        print(f"one hover:                  {hovered * 1000:.0f} ms")
        print(f"zoom to six months:         {zoomed * 1000:.0f} ms")
        print(f"key labels placed:          {spread * 1000:.0f} ms")
    else:
        print(f"page load:                  skipped, {CHROMIUM} is missing")


if __name__ == "__main__":
    main()
