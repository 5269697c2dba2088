// Click handler and filter box for the timeline page. Plotly hover labels cannot hold links, so a
// click on an event opens its first http(s) source in a new tab, or lists its quotes in a side
// panel. Article text is untrusted: the panel is built with textContent, never innerHTML.
"use strict";

function timelineShowSources(event) {
  var panel = document.getElementById("timeline-panel");
  document.getElementById("timeline-panel-title").textContent = event.title;
  document.getElementById("timeline-panel-date").textContent = event.date;
  var list = document.getElementById("timeline-panel-sources");
  while (list.firstChild) {
    list.removeChild(list.firstChild);
  }
  event.sources.forEach(function (source) {
    var item = document.createElement("li");
    var heading = document.createElement("div");
    heading.className = "timeline-source";
    heading.textContent = (source.outlet || "unknown outlet") + " — " + source.article +
      (source.published ? " (" + source.published + ")" : "");
    item.appendChild(heading);
    if (source.quote) {
      var quote = document.createElement("blockquote");
      quote.textContent = source.quote;
      item.appendChild(quote);
    }
    if (source.resolution) {
      var how = document.createElement("div");
      how.className = "timeline-resolution";
      how.textContent = "Date: " + source.resolution;
      item.appendChild(how);
    }
    if (/^https?:\/\//i.test(source.url)) {
      var link = document.createElement("a");
      link.href = source.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.textContent = source.url;
      item.appendChild(link);
    }
    list.appendChild(item);
  });
  panel.hidden = false;
}

function timelineHideSources() {
  document.getElementById("timeline-panel").hidden = true;
}

function timelineOpen(event) {
  if (/^https?:\/\//i.test(event.url)) {
    window.open(event.url, "_blank", "noopener,noreferrer");
  } else {
    timelineShowSources(event);
  }
}

function timelineFind(plot, id) {
  for (var t = 0; t < plot.data.length; t++) {
    var points = plot.data[t].customdata || [];
    for (var i = 0; i < points.length; i++) {
      if (points[i] && points[i].id === id) {
        return points[i];
      }
    }
  }
  return null;
}

// Key labels are placed in Python for a typical size; on another page size some may overlap.
// After load, a resize or a zoom, move any label that overlaps one before it or an event, or
// sticks out of the plot, measuring the real boxes: to the nearest place inside the plot clear
// of labels and events (up first), else clear of labels only. Moves are counted from where Python put each label, so repeated passes agree.
var TIMELINE_LIFT_PX = 21;
var TIMELINE_MAX_LIFTS = 6;
// Below this plot width (a phone) labels would cover the chart: they are hidden there (the list
// below the chart and a tap on an event still tell each event), and fewer dates are written,
// level, so they stay clear of the range buttons.
var TIMELINE_NARROW_PLOT_PX = 300;

function timelineSpreadLabels(plot) {
  var annotations = plot.layout.annotations || [];
  var narrow = plot._fullLayout._size.w < TIMELINE_NARROW_PLOT_PX;
  if (Boolean(plot.layout.xaxis.nticks) !== narrow) {
    var shown = {"xaxis.nticks": narrow ? 3 : 0, "xaxis.tickangle": narrow ? 0 : "auto"};
    annotations.forEach(function (label, index) {
      if (label.name) {
        shown["annotations[" + index + "].visible"] = !narrow;
      }
    });
    Plotly.relayout(plot, shown);  // an x axis change: the relayout handler spreads again
    return;
  }
  if (narrow) {
    return;
  }
  if (!plot.timelinePlacedAy) {
    plot.timelinePlacedAy = annotations.map(function (label) { return label.ay; });
  }
  var frame = plot.getBoundingClientRect();
  var size = plot._fullLayout._size;
  var area = {top: frame.top + size.t, bottom: frame.top + size.t + size.h};
  var marks = annotations.length > 0 ? timelineMarkBoxes(plot) : [];  // the drawn events
  if (marks.length > TIMELINE_MARKS_LIMIT) {
    marks = [];
  }
  var placed = [];
  var update = {};
  for (var i = 0; i < annotations.length; i++) {
    var text = plot.querySelector('.annotation[data-index="' + i + '"] .annotation-text-g');
    if (!text) {
      continue;
    }
    var origin = plot.timelinePlacedAy[i];
    var shown = text.getBoundingClientRect();
    if (shown.width === 0 || shown.height === 0) {
      continue;  // its event is outside the range shown: plotly hides the label
    }
    var drop = origin - annotations[i].ay;  // how far it is lifted now
    var box = {left: shown.left, right: shown.right, top: shown.top + drop, bottom: shown.bottom + drop};
    var lift = 0;
    if (timelineOverlaps(box, 0, placed) || timelineOverlaps(box, 0, marks) ||
        box.top < area.top || box.bottom > area.bottom) {
      lift = timelineClearLift(box, placed, marks, area);
    }
    placed.push({left: box.left, right: box.right, top: box.top - lift, bottom: box.bottom - lift});
    if (origin - lift !== annotations[i].ay) {
      update["annotations[" + i + "].ay"] = origin - lift;
    }
  }
  if (Object.keys(update).length > 0) {
    Plotly.relayout(plot, update);
  }
}

// The drawn events' boxes in page pixels, from the data and the axes (no DOM measuring: a
// page may hold thousands of events): markers and the hoverable parts of spans.
var TIMELINE_MARKER_HALF_PX = 7;
// Moving a label redraws the chart, which takes about 0.45 s with 5,000 events (bench/render.py);
// with that many, every place covers some event anyway, so labels then only avoid each other.
var TIMELINE_MARKS_LIMIT = 2000;

function timelineMarkBoxes(plot) {
  var layout = plot._fullLayout;
  var xa = layout.xaxis;
  var ya = layout.yaxis;
  var frame = plot.getBoundingClientRect();
  var left = frame.left + layout._size.l;
  var top = frame.top + layout._size.t;
  var boxes = [];
  plot._fullData.forEach(function (trace) {
    var kind = trace.meta && trace.meta.kind;
    if (trace.visible !== true || (kind !== "day" && kind !== "span")) {
      return;
    }
    var half = kind === "day" ? TIMELINE_MARKER_HALF_PX : (ya.l2p(trace.width) - ya.l2p(0)) / 2;
    for (var i = 0; i < trace.y.length; i++) {
      var y = top + ya.l2p(trace.y[i]);
      var start = kind === "day" ? xa.d2l(trace.x[i]) : xa.d2l(trace.base[i]);
      var x0 = left + xa.l2p(start);
      var x1 = kind === "day" ? x0 : left + xa.l2p(start + trace.x[i]);
      boxes.push({
        left: Math.min(x0, x1) - (kind === "day" ? half : 0),
        right: Math.max(x0, x1) + (kind === "day" ? half : 0),
        top: y - Math.abs(half),
        bottom: y + Math.abs(half),
      });
    }
  });
  return boxes;
}

// The lift (pixels up; negative is down) that puts the label clear of the labels placed
// before it, covering the fewest events, inside the plot when that is as good; nearest first.
function timelineClearLift(box, placed, marks, area) {
  var step = TIMELINE_LIFT_PX;
  var most = TIMELINE_MAX_LIFTS * step;
  var lifts = [0];
  for (var shift = step; shift <= most; shift += step) {
    lifts.push(shift);
  }
  for (shift = step; shift <= most; shift += step) {
    lifts.push(-shift);
  }
  var near = marks.filter(function (mark) { return mark.left < box.right && box.left < mark.right; });
  var best = most;
  var bestCost = Infinity;
  lifts.forEach(function (lift, order) {
    if (timelineOverlaps(box, lift, placed)) {
      return;
    }
    var outside = box.top - lift < area.top || box.bottom - lift > area.bottom;
    var covered = near.filter(function (mark) { return timelineOverlaps(box, lift, [mark]); }).length;
    var cost = covered * 1000 + (outside ? 100 : 0) + order;
    if (cost < bestCost) {
      best = lift;
      bestCost = cost;
    }
  });
  return best;
}

function timelineOverlaps(box, lift, placed) {
  return placed.some(function (other) {
    return box.left < other.right && other.left < box.right &&
      box.top - lift < other.bottom && other.top < box.bottom - lift;
  });
}

// The filter box: events whose words (the list item's date, title, kind, actors, place and
// outlets, and the quotes in the chart data) do not hold every word typed are dimmed on the chart
// and hidden in the list below it. The query is kept in the page's address (#filter=...), so a
// filtered view can be bookmarked or shared.
var TIMELINE_CHART_KINDS = {day: true, span: true, fade: true, changed: true};

function timelineSearchTexts(plot, items) {
  if (plot.timelineSearchTexts) {
    return plot.timelineSearchTexts;
  }
  var quotes = {};
  plot.data.forEach(function (trace) {
    (trace.customdata || []).forEach(function (point) {
      if (point && point.id && !quotes[point.id]) {
        quotes[point.id] = (point.sources || []).map(function (source) { return source.quote; }).join(" ");
      }
    });
  });
  plot.timelineSearchTexts = Array.prototype.map.call(items, function (item) {
    return (item.textContent + " " + (quotes[item.getAttribute("data-id")] || "")).toLowerCase();
  });
  return plot.timelineSearchTexts;
}

// The "only new or changed" toggle keeps the starred events, those the latest changes touched (data-changed).
function timelineOnlyChanged() {
  var toggle = document.getElementById("timeline-filter-changed");
  return Boolean(toggle && toggle.checked);
}

function timelineApplyFilter(plot, query) {
  var words = query.toLowerCase().split(/\s+/).filter(Boolean);
  var onlyChanged = timelineOnlyChanged();
  var filtering = words.length > 0 || onlyChanged;
  var items = document.querySelectorAll("#timeline-list li");
  var texts = timelineSearchTexts(plot, items);
  var shown = {};
  var count = 0;
  items.forEach(function (item, index) {
    var text = texts[index];
    var match = words.every(function (word) { return text.indexOf(word) >= 0; }) &&
      (!onlyChanged || item.hasAttribute("data-changed"));
    item.hidden = !match;
    if (match) {
      shown[item.getAttribute("data-id")] = true;
      count += 1;
    }
  });
  var selected = [];
  var traces = [];
  plot.data.forEach(function (trace, index) {
    if (!trace.meta || !TIMELINE_CHART_KINDS[trace.meta.kind]) {
      return;
    }
    var ids = trace.meta.ids || (trace.customdata || []).map(function (point) { return point.id; });
    traces.push(index);
    selected.push(!filtering ? null : ids.reduce(function (kept, id, point) {
      return shown[id] ? kept.concat([point]) : kept;
    }, []));
  });
  if (traces.length > 0) {
    Plotly.restyle(plot, {selectedpoints: selected}, traces);
  }
  var labels = {};
  (plot.layout.annotations || []).forEach(function (label, index) {
    labels["annotations[" + index + "].opacity"] = !filtering || shown[label.name] ? 1 : 0.25;
  });
  if (Object.keys(labels).length > 0) {
    Plotly.relayout(plot, labels);
  }
  document.getElementById("timeline-filter-count").textContent =
    !filtering ? "" : count + " of " + items.length + " events match";
}

// The address keeps the toggle as "&changed" after the words: #filter=shoigu&changed
var TIMELINE_CHANGED_SUFFIX = "&changed";

function timelineChangedFromAddress() {
  var hash = window.location.hash;
  return hash.slice(-TIMELINE_CHANGED_SUFFIX.length) === TIMELINE_CHANGED_SUFFIX;
}

function timelineFilterFromAddress() {
  var hash = window.location.hash;
  if (timelineChangedFromAddress()) {
    hash = hash.slice(0, -TIMELINE_CHANGED_SUFFIX.length);
  }
  var found = /^#filter=(.*)$/.exec(hash);
  if (!found) {
    return "";
  }
  try {
    return decodeURIComponent(found[1]);
  } catch (error) {
    return "";
  }
}

function timelineKeepFilterInAddress(query) {
  var address = window.location.pathname + window.location.search;
  var changed = timelineOnlyChanged() ? TIMELINE_CHANGED_SUFFIX : "";
  var kept = query || changed ? "#filter=" + encodeURIComponent(query) + changed : "";
  try {
    window.history.replaceState(null, "", address + kept);
  } catch (error) {
    // some browsers refuse history changes on file:// pages; the filter still works
  }
}

function timelineOnFilter(plot) {
  var box = document.getElementById("timeline-filter");
  if (!box) {
    return;
  }
  // The plot's own script runs before the list below it is parsed: wait for the whole page.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { timelineOnFilter(plot); });
    return;
  }
  box.value = timelineFilterFromAddress();
  var toggle = document.getElementById("timeline-filter-changed");
  if (toggle) {
    toggle.checked = timelineChangedFromAddress();
    toggle.addEventListener("change", function () {
      timelineApplyFilter(plot, box.value);
      timelineKeepFilterInAddress(box.value.trim());
    });
  }
  if (box.value || timelineOnlyChanged()) {
    timelineApplyFilter(plot, box.value);
  }
  box.addEventListener("input", function () {
    timelineApplyFilter(plot, box.value);
    timelineKeepFilterInAddress(box.value.trim());
  });
  var list = document.getElementById("timeline-list");
  if (list) {
    list.addEventListener("click", function (click) {
      var title = click.target.closest(".timeline-item-title");
      var event = title && timelineFind(plot, title.parentNode.getAttribute("data-id"));
      if (event) {
        timelineShowSources(event);
      }
    });
  }
}

// The chart opens on the stretch of time holding most events (chosen in Python, kept in
// layout.meta); the note above it says which events lie outside, and its button shows them all.
function timelineOnShowAll(plot) {
  var button = document.getElementById("timeline-show-all");
  var ranges = plot.layout.meta || {};
  if (button && ranges.full_range) {
    button.addEventListener("click", function () {
      Plotly.relayout(plot, {"xaxis.range": ranges.full_range.slice()});
    });
  }
}

function timelineOnClick(plot) {
  timelineSpreadLabels(plot);
  timelineOnFilter(plot);
  timelineOnShowAll(plot);
  window.addEventListener("resize", function () {
    window.setTimeout(function () { timelineSpreadLabels(plot); }, 200);
  });
  plot.on("plotly_relayout", function (change) {
    var moved = Object.keys(change).some(function (key) { return key.indexOf("xaxis") === 0; });
    if (moved) {
      timelineSpreadLabels(plot);
    }
  });
  plot.on("plotly_click", function (click) {
    var point = click.points && click.points[0];
    var event = point && point.customdata;
    if (event && event.id) {
      timelineOpen(event);
    }
  });
  // A key event's label on the chart opens the event too.
  plot.on("plotly_clickannotation", function (click) {
    var event = timelineFind(plot, click.annotation.name);
    if (event) {
      timelineOpen(event);
    }
  });
  document.getElementById("timeline-panel-close").addEventListener("click", timelineHideSources);
  document.addEventListener("keydown", function (key) {
    if (key.key === "Escape") {
      timelineHideSources();
    }
  });
}
