"""A seeded generator of realistic synthetic plans, units, reports and plan text for the benchmarks."""
