"""Measure main text vs furniture on a folder of articles: chars kept and dropped per article.

    python bench/furniture.py [articles] [--show]

--show prints every dropped block with its reason and every kept passage's first words, so a
person can check nothing of the article is lost and no furniture remains.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from timeline.ingest import furniture, ingest


def main(argv: list[str]) -> int:
    show = "--show" in argv
    folder = Path(next((a for a in argv if not a.startswith("--")), "articles"))
    articles, skipped = ingest.read_articles(folder)
    total_kept = total_dropped = 0
    for article in articles:
        main = furniture.main_text(article)
        kept = sum(len(p.text) for p in main.passages)
        total_kept += kept
        total_dropped += main.dropped_chars
        print(
            f"{article.name}: kept {kept} chars in {len(main.passages)} passages, "
            f"dropped {main.dropped_chars} chars in {len(main.dropped)} blocks "
            f"(body {len(article.body)})"
        )
        if show:
            for p in main.passages:
                print(f"    KEEP {p.start:>6} {p.text[:90]!r}")
            for d in main.dropped:
                text = article.body[d.start : d.end]
                print(
                    f"    DROP {d.start:>6} [{d.reason}] {text[:70]!r}{' ...' if len(text) > 70 else ''}"
                )
    for s in skipped:
        print(f"skipped {s.name}: {s.reason}")
    print(f"total: kept {total_kept}, dropped {total_dropped}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
