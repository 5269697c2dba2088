"""Stage 6, render: the stored events (and the latest changes) in; the offline page
timeline.html and its exports (timeline.json, events.csv, chronology.md, changes.md) out.

Entry points: `render.write_outputs` (every file, written atomically), `render.render_html`.
Inside: the plotly figure (`figure`, `layout`, `lanes`, `keylabels`, `framing`, `hover`; the
page takes its parts as plain values in plotly's order, `plain`), the list under the chart
(`listing`), the exports (`exports`, `changelog`) and the page's own HTML, CSS and JS (`page/`).
plotly is imported in this stage and nowhere else.
May import: `timeline.model`, `timeline.safewrite`, `timeline.remembered` (each event's texts,
worked out once), `timeline.temporal` (dates as people write them), `timeline.store` (the change
report) and its own modules; never `timeline.events`.
This file imports nothing: import the module you need.
"""
