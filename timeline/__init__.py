"""timeline: news articles in, a dated, sourced, hand-editable chronology out."""

__version__ = "0.1.0"
