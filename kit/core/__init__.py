"""Shared machinery below the lenses: text in (``text``), parsing (``nlp``), highlighted
HTML out (``render``), errors, and the small helpers every widget and chart uses."""
