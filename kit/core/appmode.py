"""Where a notebook runs: JupyterLab (code shown, cells run by the student) or app mode
(Voila: code hidden, only outputs and widgets). Some instructions only make sense in one.

* In the kernel, :func:`in_app` says which (Voila tells its kernels through ``SERVER_SOFTWARE``),
  and :func:`lab_or_app` shows one text in JupyterLab and another in app mode.
* In Markdown cells, text inside ``<span class="kit-lab-only">...</span>`` is hidden in app
  mode: the student copies carry :data:`APP_STYLE` (``tools/make_student.py`` adds it), which
  Voila applies and JupyterLab drops (its Markdown never runs a ``<style>``).

>>> lab_or_app("Run the cell.", "Press the button.", mode=True)._repr_html_()
'<div class="kit-mode">Press the button.</div>'
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass

#: Hides Lab-only text in app mode. JupyterLab strips <style> from Markdown, Voila keeps it.
APP_STYLE = "<style>.kit-lab-only{display:none !important}</style>"


def in_app() -> bool:
    """True in app mode (a Voila page), False in JupyterLab, a plain kernel or a test.

    >>> import os; os.environ.pop("SERVER_SOFTWARE", None) and None; in_app()
    False
    """
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila")


@dataclass(frozen=True)
class ModeText:
    """One of two texts, chosen when shown. Texts are HTML the kit wrote (never student text)."""

    lab: str
    app: str
    mode: bool | None = None  # None: ask in_app() when shown

    def _repr_html_(self) -> str:
        app = in_app() if self.mode is None else self.mode
        return f'<div class="kit-mode">{self.app if app else self.lab}</div>'

    def __repr__(self) -> str:
        import re

        return html.unescape(re.sub(r"<[^>]+>", "", self._repr_html_()))


def lab_or_app(lab: str, app: str, *, mode: bool | None = None) -> ModeText:
    """``lab`` (HTML) in JupyterLab, ``app`` in app mode; ``mode=True`` forces app mode (tests).

    >>> repr(lab_or_app("Press <b>Shift + Enter</b>.", "Press <b>Check</b>.", mode=False))
    'Press Shift + Enter.'
    """
    return ModeText(lab, app, mode)
