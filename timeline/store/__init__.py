"""Stage 5, store: events.yaml, the user's hand-editable chronology; extracted events in, the
merged store (hand edits kept) and the report of what changed out.

Entry points: `store.load_store`, `store.update_store`, `store.write_store`; `check.check_text`
(the `check` command). Inside: the parser that keeps comments and positions (`storefile`), the
three-way merge with the user's edits (`reconcile`), the in-place rewrite (`splice`, `emit`)
and the change report (`changes`); where the store's companions live (`paths`); the store and
base as a build left them, by a digest of their text, for the next build's memo (`parsed`).
May import: `timeline.model`, `timeline.safewrite`, `timeline.days`, `timeline.textfile`,
`timeline.remembered`, the stages before it and its own modules.
This file imports nothing: import the module you need.
"""
