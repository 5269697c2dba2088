"""Stage 1, ingest: the articles folder in, `Article` values (text, publish date, source) out.

Entry points: `ingest.read_articles` (the folder), `ingest.parse_article` (one file),
`add.add_article` (copy a file into the folder with front matter). Inside: front matter,
saved web pages (`webpage`), publish dates found in the text (`pubdate`, `datewords`) and page
furniture (`furniture`, which the events stage also calls through `main_text`).
May import: `timeline.model`, `timeline.safewrite`, `timeline.data`, `timeline.days`,
`timeline.textfile` and its own modules.
Like every stage package, this file imports nothing: import the module you need.
"""
