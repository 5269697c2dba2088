"""Tests of timeline/temporal/."""
