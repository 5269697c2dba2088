"""Tests of timeline/store/."""
