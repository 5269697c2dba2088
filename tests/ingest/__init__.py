"""Tests of timeline/ingest/."""
