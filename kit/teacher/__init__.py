"""The teacher room: the report, handouts, gradebook and the ``python -m kit`` commands."""
