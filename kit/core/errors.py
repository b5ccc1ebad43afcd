"""Errors the kit raises on purpose: each carries a message written for a student.

Widgets catch :class:`KitError` and show its message instead of a traceback.
"""


class KitError(ValueError):
    """Base class: the message is meant to be shown to a student or teacher as is."""


class InputError(KitError):
    """The text or file given to the kit cannot be analysed (empty, binary, too long...)."""


class ModelNotInstalled(KitError, OSError):
    """No English spaCy model is installed; the message says how to install one."""


class UnknownArticle(KitError, KeyError):
    """No bundled article has that id."""

    def __str__(self) -> str:  # KeyError would add quotes around the message
        return str(self.args[0]) if self.args else ""
