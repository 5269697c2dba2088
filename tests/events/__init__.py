"""Tests of timeline/events/."""
