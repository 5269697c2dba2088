"""Temporal rules and vocabulary as YAML data, shipped with the package."""
