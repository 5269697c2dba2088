"""Tests of timeline/render/."""
