"""The figure as plotly.js reads it, laid out without plotly's validation layer.

`figure.build_figure` hands the figure's parts to `plotly.graph_objects`, which checks every value
and gives them back (`to_dict`) with their keys in an order of its own; checking thousands of hover
texts and click payloads takes most of the time of drawing a large page. The parts are plotly's
own names and values, checked by the tests, so the page takes them as they are (`figure_dict`),
in the order plotly would give them: the JSON, and so the page, is byte for byte what plotly's
figure gives (a test holds it). That order: a trace, or an item of a list of objects (a shape, an
annotation), is built by plotly's constructors, which set keys in alphabetical order (a trace's
`type` last); the layout is an update of the figure's (its `template` first), which sets the
nested objects first, then the other keys, each in the order given. `meta` and `customdata` are
free values, kept as they are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

FREE = ("meta", "customdata")  # values plotly keeps as given, never read as its objects
OBJECT_LISTS = ("annotations", "shapes", "buttons")  # lists of objects: plotly drops empty ones
TEMPLATE = "plotly_white"


def figure_dict(
    traces: Sequence[Mapping[str, Any]], layout: Mapping[str, Any], annotations: Sequence[Any]
) -> dict[str, Any]:
    """What plotly's figure built from these parts (figure.build_figure) gives as `to_dict()`:
    the same values, keys in the same order."""
    if layout.get("template") != TEMPLATE:
        raise ValueError(f"the figure's template is {TEMPLATE!r}; this layout asks for another")
    rest = {key: value for key, value in layout.items() if key != "template"}
    return {
        "data": [_built(trace, last="type") for trace in traces],
        "layout": {"template": template(), **_updated({**rest, "annotations": annotations})},
    }


# The template's values, once worked out in this process or recalled from a build's memo.
_WORKED_OUT: dict[str, dict[str, Any]] = {}


def template() -> dict[str, Any]:
    """The template's values as plotly's figure gives them (worked out once: the one part of
    the figure plotly validates here, since no test can hold its every value)."""
    found = _WORKED_OUT.get(TEMPLATE)
    if found is None:
        import plotly.io as pio
        from plotly.graph_objs.layout import Template

        found = _WORKED_OUT[TEMPLATE] = Template(pio.templates[TEMPLATE]).to_plotly_json()
    return found


def recall_template(values: dict[str, Any]) -> None:
    """Take the template's values a build before worked out (with the same plotly: see
    timeline.memo), unless they are known here already."""
    _WORKED_OUT.setdefault(TEMPLATE, values)


def known_template() -> dict[str, Any] | None:
    """The template's values if this process worked them out or recalled them, else None."""
    return _WORKED_OUT.get(TEMPLATE)


def _built(values: Mapping[str, Any], last: str = "") -> dict[str, Any]:
    """An object as plotly's constructor sets it: keys in alphabetical order (`last` at the end)."""
    built = {key: _built_value(key, values[key]) for key in sorted(values) if key != last}
    if last in values:
        built[last] = values[last]
    return built


def _built_value(key: str, value: Any) -> Any:
    if key in FREE:
        return value
    if isinstance(value, Mapping):
        return _built(value)
    if isinstance(value, list) and value and isinstance(value[0], Mapping):
        return [_built(item) for item in value]
    return value


def _updated(values: Mapping[str, Any]) -> dict[str, Any]:
    """An object as plotly's update sets it: nested objects first, then the rest, as given."""
    nested = {
        key: _updated(value)
        for key, value in values.items()
        if isinstance(value, Mapping) and key not in FREE
    }
    rest = {
        key: _built_value(key, value)
        for key, value in values.items()
        if key not in nested and not (key in OBJECT_LISTS and value == [])
    }
    return nested | rest
