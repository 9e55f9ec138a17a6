"""Fault injection: every write step of the ingest killed, throttled or half-done, then redelivered."""
