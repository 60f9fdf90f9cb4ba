"""The pure domain: plans, tasks, units, assignments, deadlines and status — no I/O, no clock."""
