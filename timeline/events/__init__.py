"""Stage 4, events: articles with their resolved dates and parses in, `Event` values out.

Entry points: `extracting.extracting` (every article, through the extraction `cache`, in
parallel), `extract.extract_events` (one article's `passages`: happenings on the parse (`tree`,
`attachment`), their dates, actors and titles; `datelines`, `quotes`, `reports`, `happenings`,
`story`, `categories`; `cast` names actors from the `gazetteers`) and `merge.merge_events` (one
event per happening across articles: `candidates`, `clusters`, `spans`, `anchored`; merged again
with a few new candidates, only what they change is done again: `clustering`). The patterns over the parse
are data (`predicates`, `cues`). `actors.find_mentions` finds names in plain text (only its
tests call it).
May import: `timeline.model`, `timeline.safewrite`, `timeline.data`, the stages before it
(`ingest`, `temporal`, `nlp`) and its own modules.
This file imports nothing, so loading the cache or merge never loads spaCy.
"""
