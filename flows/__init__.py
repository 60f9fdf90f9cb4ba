"""Prefect flows: a plan as a DAG of its assignments, the daily sweep, and the document inbox."""
