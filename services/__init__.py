"""The use cases: load plans and units, evaluate status, record reports — wiring the core to the store."""
