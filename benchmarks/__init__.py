"""Benchmarks: scripts that print figures (name, value, unit) and ratios; never timed tests."""
