"""Tests of timeline/nlp/."""
