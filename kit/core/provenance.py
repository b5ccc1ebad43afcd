"""Where an article's words come from: published copies of the story, and real quotations.

A :class:`Copy` is another published copy of the same story (a pointer and a short excerpt).
A :class:`Quotation` is a span of a bundled text that is someone else's words: for the seed, a
passage that AFP's copies quote (with quote marks and a speaker) though the republished copy lost
both; for a constructed version, every quotation and every claim it credits to a real speaker,
each with the published copy that shows it. :func:`quotation_spans` finds them in any text, so
the reframer can leave them as the speaker said them.

>>> q = Quotation(text="repel terrorist aggression", speaker="the Russian military",
...               original="repel terrorist aggression in the provinces of Idlib, Hama and Aleppo",
...               outlet="Khaleej Times", url="https://example.org/a", date="2024-12-02")
>>> quotation_spans("Russia said it helps repel terrorist aggression.", [q])
[(21, 47, 'the Russian military')]
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Copy:
    """One published copy of an article's story, kept as a pointer and a short excerpt.

    Copies let a reader trace a story back: the same wire text, republished by other outlets,
    shows what the original said before a republisher changed it. Only a few sentences are
    kept per copy (``excerpt``), never the whole article.

    >>> from kit.core.text import load_article
    >>> c = load_article("aleppo-2024-12-02").copies[0]
    >>> c.outlet, c.date
    ('Taipei Times', '2024-12-03')
    """

    outlet: str
    url: str
    date: str  # YYYY-MM-DD as published, or "" when the page carries no reliable date
    note: str = ""  # what this copy shows (how it differs from the bundled text)
    excerpt: str = ""  # a few sentences, quoted exactly


@dataclass(frozen=True)
class Quotation:
    """Someone else's words inside a bundled text, and the published copy that shows them.

    ``text`` is the span exactly as the bundled text has it (the republisher's or the constructed
    version's wording); ``original`` is the wording of the cited copy (``outlet``, ``url``,
    ``date``: YYYY-MM-DD, or "" when the page shows no date). ``quoted``: True when the cited copy
    has the words in quote marks (a direct quotation), False when it reports them (indirect speech).

    >>> from kit.core.text import load_article
    >>> q = load_article("aleppo-2024-12-02").quotations[0]
    >>> q.text, q.speaker.startswith("Rami Abdel Rahman")
    ('escapes the control of Syrian regime forces', True)
    """

    text: str
    speaker: str
    original: str
    outlet: str
    url: str
    date: str = ""
    quoted: bool = True
    note: str = ""


@dataclass(frozen=True)
class RenamedSpeaker:
    """A speaker the bundled copy names with other words than the original's: ``words`` in this
    copy (\"an observer\"), ``original`` in the outlet's copy (\"a monitor\"), ``who`` that means,
    and the ``source_type`` that follows, with the copy that shows it."""

    words: str
    original: str
    who: str
    source_type: str
    outlet: str
    url: str
    note: str = ""


def renamed_from(record: dict) -> RenamedSpeaker:
    """A :class:`RenamedSpeaker` from its JSON record (an article's metadata)."""
    return RenamedSpeaker(words=record["words"], original=record["original"], who=record["who"],
                          source_type=record["source_type"], outlet=record["outlet"], url=record["url"],
                          note=record.get("note", ""))


def quotation_spans(text: str, quotations) -> list[tuple[int, int, str]]:
    """Where each quotation's words stand in ``text``: sorted ``(start, end, speaker)``, one per
    occurrence. Words a student has edited are no longer the speaker's, so they are not found.

    >>> q = Quotation(text="Thank God", speaker="Umm Mohamed", original="Thank God", outlet="x", url="u")
    >>> quotation_spans("Thank God, she said. Thank God.", [q])
    [(0, 9, 'Umm Mohamed'), (21, 30, 'Umm Mohamed')]
    """
    out = []
    for q in quotations:
        if not q.text:
            continue
        at = text.find(q.text)
        while at >= 0:
            out.append((at, at + len(q.text), q.speaker))
            at = text.find(q.text, at + len(q.text))
    return sorted(out)


def copy_from(record: dict) -> Copy:
    """A :class:`Copy` from its JSON record (an article's metadata)."""
    return Copy(outlet=record["outlet"], url=record["url"], date=record.get("date", ""),
                note=record.get("note", ""), excerpt=record.get("excerpt", ""))


def quotation_from(record: dict) -> Quotation:
    """A :class:`Quotation` from its JSON record (an article's metadata)."""
    return Quotation(text=record["text"], speaker=record["speaker"], original=record["original"],
                     outlet=record["outlet"], url=record["url"], date=record.get("date", ""),
                     quoted=bool(record.get("quoted", True)), note=record.get("note", ""))
