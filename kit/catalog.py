"""The kit's rooms by name: where every notebook's widgets and exercise checkers live.

The gradebook reads this to know every exercise; the tests read it to drive every widget
and checker. A new room with widgets or exercises adds one line here.

>>> "framing_loaded_label" in [c.exercise_id for c in checkers()]
True
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: Modules holding exercise checkers (functions decorated with ``@exercise``), in teaching order.
EXERCISE_MODULES = (
    "kit.classroom.start",
    "kit.framing.exercises",
    "kit.attribution.exercises",
    "kit.numbers.exercises",
    "kit.compare.exercises",
    "kit.compare.trace_exercises",
)

#: Modules holding widget builders (``make_*`` functions), in teaching order.
WIDGET_MODULES = (
    "kit.classroom.start",
    "kit.framing.widgets",
    "kit.attribution.widgets",
    "kit.numbers.widgets",
    "kit.compare.widgets",
    "kit.compare.versions_view",
    "kit.classroom.widgets",
    "kit.classroom.quiz_widgets",
    "kit.classroom.exercise_widgets",
)


def modules(names: tuple[str, ...]) -> list[ModuleType]:
    """Import the named modules (widgets need ipywidgets, so nothing is imported before this)."""
    return [importlib.import_module(name) for name in names]


def checkers() -> list:
    """Every exercise checker of the kit, in teaching order (each has an ``exercise_id``)."""
    return [obj for mod in modules(EXERCISE_MODULES) for obj in vars(mod).values()
            if callable(obj) and hasattr(obj, "exercise_id") and obj.__module__ == mod.__name__]


def builders() -> dict[str, object]:
    """Every widget builder of the kit: name -> function."""
    return {name: obj for mod in modules(WIDGET_MODULES) for name, obj in vars(mod).items()
            if name.startswith("make_") and callable(obj) and getattr(obj, "__module__", "") == mod.__name__}
