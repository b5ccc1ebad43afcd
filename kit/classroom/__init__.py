"""The classroom room: feedback and saved answers (used by every lens's exercises),
quizzes, annotate-then-compare, and the welcome notebook's reader.

It imports only :mod:`kit.core`, so every lens can use it without a cycle."""
