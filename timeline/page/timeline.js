// Click handler for the timeline page. Plotly hover labels cannot hold links, so a click on an
// event opens its first http(s) source in a new tab, or lists its quotes in a side panel.
// Article text is untrusted: the panel is built with textContent, never innerHTML.
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

// Key labels are placed in Python for a typical width; on a narrower page some may overlap.
// After load, a resize or a zoom, lift any label that overlaps one to its left, measuring the
// real boxes. Lifts are counted from where Python put each label, so repeated passes agree.
var TIMELINE_LIFT_PX = 21;
var TIMELINE_MAX_LIFTS = 6;

function timelineSpreadLabels(plot) {
  var annotations = plot.layout.annotations || [];
  if (!plot.timelinePlacedAy) {
    plot.timelinePlacedAy = annotations.map(function (label) { return label.ay; });
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
    var drop = origin - annotations[i].ay;  // how far it is lifted now
    var box = {left: shown.left, right: shown.right, top: shown.top + drop, bottom: shown.bottom + drop};
    var lift = 0;
    while (lift < TIMELINE_MAX_LIFTS * TIMELINE_LIFT_PX && timelineOverlaps(box, lift, placed)) {
      lift += TIMELINE_LIFT_PX;
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

function timelineOverlaps(box, lift, placed) {
  return placed.some(function (other) {
    return box.left < other.right && other.left < box.right &&
      box.top - lift < other.bottom && other.top < box.bottom - lift;
  });
}

function timelineOnClick(plot) {
  timelineSpreadLabels(plot);
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
