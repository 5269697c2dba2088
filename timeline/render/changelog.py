"""output/changes.md: the latest build's changes (timeline.store.changes) as Markdown, a section per
kind of change."""

from __future__ import annotations

from timeline.render.exports import markdown_text
from timeline.store.changes import KINDS, Changes


def changes_markdown(changes: Changes) -> str:
    """output/changes.md: the full report of the latest build that changed anything, a section
    per kind of change (a rebuild that changes nothing leaves it, and the page's stars, as
    they were)."""
    lines = ["# Latest changes", ""]
    if not changes.changes:
        lines.append(
            "No changes: no build has added, moved or contradicted anything in the events yet."
        )
        return "\n".join(lines) + "\n"
    lines.append(
        "What the latest build that changed anything did, not counting your own edits: "
        + changes.summary()
        + "."
    )
    for kind, heading in KINDS:
        entries = [change for change in changes.changes if change.kind == kind]
        if entries:
            lines += ["", f"## {heading}", ""]
            lines += [f"- {markdown_text(change.text)}" for change in entries]
    return "\n".join(lines) + "\n"
