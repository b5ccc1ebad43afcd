"""All lenses at once: one :class:`Analysis` of a text.

:func:`analyse` runs every lens (framing, attribution, numbers) and the translation check
on one text. ``fingerprint`` sums an analysis up and ``views`` turns it into HTML.

>>> an = analyse("Police said 40 people were arrested.")
>>> [q.text for q in an.quantities], an.missing
(['40 people'], {})

A lens whose module is not installed is reported in ``Analysis.missing`` instead of
stopping the rest.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass, field

from kit.compare.translation import translation_issues
from kit.core.errors import InputError
from kit.core.nlp import doc_text, parse
from kit.core.text import Article, language_warning, load_article


#: lens -> [(result name, module, function)]: what :func:`analyse` runs.
LENSES = {
    "framing": [("labels", "kit.framing", "find_labels"), ("passives", "kit.framing", "find_passives")],
    "attribution": [
        ("attributions", "kit.attribution", "find_attributions"),
        ("unattributed", "kit.attribution", "find_unattributed"),
    ],
    "numbers": [("quantities", "kit.numbers", "find_numbers"), ("findings", "kit.numbers", "check_numbers")],
}

#: The lens questions, shown above each view.
LENS_TITLES = {
    "framing": "Framing: who is named how?",
    "attribution": "Attribution: who says so?",
    "numbers": "Numbers: what do the numbers really claim?",
    "translation": "Translation: signs of damage",
}

STANCES = ("delegitimizing", "neutral", "legitimizing")

#: The three constructed contrast versions, in a fixed "blind" order for the guessing
#: exercise of 04_compare (the letters hide which voice is which).
CONTRAST = {
    "A": "aleppo-2024-12-02-opposition",
    "B": "aleppo-2024-12-02-wire",
    "C": "aleppo-2024-12-02-state-media",
}


def lens_function(module: str, name: str):
    """The lens function ``module.name``, or None while that lens is not installed.

    >>> lens_function("kit.compare.translation", "translation_issues").__name__
    'translation_issues'
    >>> lens_function("kit.no_such_lens", "find") is None
    True
    """
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


# ---------------------------------------------------------------- analysis


@dataclass(frozen=True)
class Analysis:
    """The results of every lens on one text (lists of the lenses' records)."""

    text: str
    title: str = ""
    source: str = ""
    constructed: bool = False
    note: str = ""
    id: str = ""
    labels: tuple = ()
    passives: tuple = ()
    attributions: tuple = ()
    unattributed: tuple = ()
    quantities: tuple = ()
    findings: tuple = ()
    issues: tuple = ()
    #: lens -> why it has no results (not installed yet, or it failed on this text)
    missing: dict = field(default_factory=dict)
    warning: str | None = None
    doc: object = field(default=None, compare=False, repr=False)


def analyse(source, *, title: str = "") -> Analysis:
    """Run all lenses and the translation check on an article, a text or a parsed Doc.

    >>> an = analyse("Officials said at least 3 people died , witnesses said.")
    >>> [i.kind for i in an.issues]
    ['space_before_punct']
    """
    meta: dict = {}
    if isinstance(source, Article):
        meta = dict(title=source.title, source=source.source, constructed=source.constructed,
                    note=source.note, id=source.id)
        doc = parse(source.text)
        text, raw = doc_text(doc), source.text
    elif isinstance(source, str):
        doc = parse(source)
        text, raw = doc_text(doc), source  # offsets are into the cleaned text (kit.parse)
    elif hasattr(source, "vocab") and hasattr(source, "text"):  # a spaCy Doc
        text, doc = doc_text(source), source
        raw = text
    else:
        raise InputError(f"The kit analyses text, an article or a parsed text, not {type(source).__name__}.")
    if title:
        meta["title"] = title
    results: dict = {}
    missing: dict = {}
    for lens, parts in LENSES.items():
        for name, module, func in parts:
            fn = lens_function(module, func)
            if fn is None:
                missing[lens] = f"The {lens} lens is not installed in this copy of the kit yet."
                results[name] = ()
                continue
            try:
                results[name] = tuple(fn(doc))
            except Exception as err:  # one lens failing must not hide the others
                missing[lens] = f"The {lens} lens could not read this text ({type(err).__name__}: {err})."
                results[name] = ()
    return Analysis(text=text, doc=doc, issues=tuple(translation_issues(doc)), missing=missing,
                    warning=language_warning(raw), **meta, **results)


@functools.lru_cache(maxsize=16)
def analyse_article(article_id: str) -> Analysis:
    """:func:`analyse` for a bundled article, cached (the widgets switch between them often)."""
    return analyse(load_article(article_id))


def as_analysis(x) -> Analysis:
    """``x`` as an :class:`Analysis`: an analysis as it is, a bundled article from the cache, else :func:`analyse`.

    >>> as_analysis("Police said 40 people were arrested.").text
    'Police said 40 people were arrested.'
    """
    if isinstance(x, Analysis):
        return x
    if isinstance(x, Article):
        return analyse_article(x.id) if x.id else analyse(x)
    return analyse(x)
