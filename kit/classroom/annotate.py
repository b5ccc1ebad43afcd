"""Annotate first, then compare with the machine.

A student marks sentences (or words) of a text with a tag *before* seeing what the kit
finds. :func:`compare` then puts the two layers side by side: where the student and the
kit agree, what only the student marked, what only the kit marked. The kit is not the
answer key: its mistakes are part of the lesson ("Where is the kit wrong, and why?").

Everything here is pure logic; :func:`kit.classroom.widgets.make_annotator` wires it to controls.

>>> text = "Police said the rioters burned cars. Crowds marched peacefully."
>>> [u.text for u in units(text)]
['Police said the rioters burned cars.', 'Crowds marched peacefully.']
>>> mine = [StudentMark(0, 36, "loaded")]
>>> kits = [Highlight(16, 23, "loaded")]           # the kit marked "rioters"
>>> result = compare(mine, kits, units=units(text))
>>> len(result.agreed), len(result.only_student), len(result.only_kit), result.score
(1, 0, 0, 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from kit.classroom.feedback import Feedback
from kit.core.errors import KitError
from kit.core.render import Highlight, highlight, message

UNITS = ("sentence", "token")


@dataclass(frozen=True)
class Unit:
    """One thing a student can mark: a sentence or a word, with offsets into the text."""

    index: int
    text: str
    start_char: int
    end_char: int


@dataclass(frozen=True)
class StudentMark:
    """A span the student marked, with the tag they chose."""

    start_char: int
    end_char: int
    tag: str

    def as_dict(self) -> dict:
        return {"start_char": self.start_char, "end_char": self.end_char, "tag": self.tag}


@dataclass(frozen=True)
class Match:
    """A student mark and a kit span that overlap; ``same_tag`` when the tags agree too."""

    student: StudentMark
    kit: Highlight
    same_tag: bool


@dataclass(frozen=True)
class Agreement:
    """How the student's marks and the kit's spans line up.

    ``score`` is the share of marked characters (after widening the kit's spans to the
    units a student can mark) that both marked with the same tag: 1.0 is full agreement,
    0.0 none. An empty text on both sides counts as full agreement.
    """

    matched: tuple[Match, ...]
    only_student: tuple[StudentMark, ...]
    only_kit: tuple[Highlight, ...]
    score: float

    @property
    def agreed(self) -> tuple[Match, ...]:
        return tuple(m for m in self.matched if m.same_tag)

    @property
    def tag_differs(self) -> tuple[Match, ...]:
        return tuple(m for m in self.matched if not m.same_tag)

    def summary(self) -> str:
        """A few plain sentences for students: what is the same, then each kind of difference.

        >>> Agreement((), (), (), 1.0).summary()
        'You and the kit marked no place the same way. No differences.'
        """
        from kit.core.glossary import plain_count

        same = len(self.agreed)
        said = [f"You and the kit marked {plain_count(same, 'place', 'places') if same else 'no place'} the same way."]
        diffs = [(len(self.tag_differs), "time you chose another tag than the kit", "times you chose another tag than the kit"),
                 (len(self.only_student), "place only you marked", "places only you marked"),
                 (len(self.only_kit), "place only the kit marked", "places only the kit marked")]
        shown = [plain_count(n, one, many) for n, one, many in diffs if n]
        if shown:
            said.append(_first_upper(_and(shown)) + ".")
        elif same and self.score < 0.95:
            said.append(f"No place where you disagree, but your marks and the kit's cover different stretches "
                        f"of words (only {round(self.score * 100)}% of the marked words are the same): "
                        "compare where each mark starts and ends.")
        else:
            said.append("No differences.")
        return " ".join(said)


def _and(parts: list[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"``."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- units


def units(text: str, *, unit: str = "sentence", doc=None) -> list[Unit]:
    """The sentences (or words, without punctuation) of ``text`` a student can mark.

    >>> [u.text for u in units("Troops fired. Two died.", unit="token")]
    ['Troops', 'fired', 'Two', 'died']
    """
    if unit not in UNITS:
        raise KitError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}.")
    if doc is None:
        from kit.core.nlp import parse

        doc = parse(text)
        text = doc.text  # offsets are into the cleaned text (see kit.parse)
    if unit == "sentence":
        spans = [s for s in doc.sents if s.text.strip()]
    else:
        spans = [t for t in doc if not (t.is_space or t.is_punct)]
    out = []
    for span in spans:
        start = span.start_char if unit == "sentence" else span.idx
        end = span.end_char if unit == "sentence" else span.idx + len(span.text)
        out.append(Unit(len(out), text[start:end], start, end))
    return out


def marks_from_units(selected: Iterable[int], tag: str, all_units: Sequence[Unit]) -> list[StudentMark]:
    """Marks for the chosen units; neighbouring words become one mark.

    >>> us = [Unit(0, "Riot", 0, 4), Unit(1, "police", 5, 11), Unit(2, "came", 12, 16)]
    >>> marks_from_units([0, 1], "loaded", us)
    [StudentMark(start_char=0, end_char=11, tag='loaded')]
    """
    picked = sorted({i for i in selected if 0 <= i < len(all_units)})
    out: list[StudentMark] = []
    run: list[int] = []
    for i in picked + [None]:
        if run and (i is None or i != run[-1] + 1):
            out.append(StudentMark(all_units[run[0]].start_char, all_units[run[-1]].end_char, tag))
            run = []
        if i is not None:
            run.append(i)
    return out


def add_marks(existing: Iterable[StudentMark], new: Iterable[StudentMark]) -> list[StudentMark]:
    """Existing marks with ``new`` ones added; a new mark replaces any mark it overlaps.

    >>> add_marks([StudentMark(0, 5, "a")], [StudentMark(3, 9, "b")])
    [StudentMark(start_char=3, end_char=9, tag='b')]
    """
    new = list(new)
    kept = [m for m in existing if not any(_overlap(m, n) for n in new)]
    return sorted(kept + new, key=lambda m: (m.start_char, m.end_char))


def remove_marks(existing: Iterable[StudentMark], spans: Iterable) -> list[StudentMark]:
    """Existing marks without those that overlap any of ``spans``."""
    spans = list(spans)
    return [m for m in existing if not any(_overlap(m, s) for s in spans)]


def marks_from_saved(saved: object, text: str, tags: Iterable[str]) -> list[StudentMark]:
    """Rebuild marks from what :mod:`kit.classroom.answers` saved; anything that does not fit is dropped.

    >>> marks_from_saved([{"start_char": 0, "end_char": 4, "tag": "x"}, {"tag": "zz"}], "abcdef", ["x"])
    [StudentMark(start_char=0, end_char=4, tag='x')]
    """
    if isinstance(saved, dict):
        saved = saved.get("marks")
    if not isinstance(saved, list):
        return []
    allowed = set(tags)
    out = []
    for item in saved:
        try:
            mark = StudentMark(int(item["start_char"]), int(item["end_char"]), str(item["tag"]))
        except (TypeError, KeyError, ValueError):
            continue
        if 0 <= mark.start_char < mark.end_char <= len(text) and mark.tag in allowed:
            out.append(mark)
    return sorted(set(out), key=lambda m: (m.start_char, m.end_char))


# ---------------------------------------------------------------- compare


def _overlap(a, b) -> bool:
    return a.start_char < b.end_char and b.start_char < a.end_char


def kit_highlights(spans: Iterable, *, tag: str | Callable = "tag") -> list[Highlight]:
    """Any kit results (objects with ``start_char``/``end_char``) as :class:`Highlight` records.

    ``tag`` is an attribute name (e.g. ``"stance"``) or a function giving each span's tag.

    >>> kit_highlights([Highlight(0, 3, "x")])
    [Highlight(start_char=0, end_char=3, tag='x', tooltip='')]
    """
    out = []
    for span in spans:
        if isinstance(span, Highlight):
            out.append(span)
            continue
        value = tag(span) if callable(tag) else getattr(span, tag, None)
        tip = getattr(span, "text", "")
        out.append(Highlight(int(span.start_char), int(span.end_char), str(value), str(tip)))
    return out


def _widen(span: Highlight, all_units: Sequence[Unit] | None) -> tuple[int, int]:
    if not all_units:
        return span.start_char, span.end_char
    touched = [u for u in all_units if _overlap(u, span)]
    if not touched:
        return span.start_char, span.end_char
    return min(span.start_char, touched[0].start_char), max(span.end_char, touched[-1].end_char)


def compare(student: Iterable[StudentMark], kit_spans: Iterable, *, units: Sequence[Unit] | None = None,
            tag: str | Callable = "tag") -> Agreement:
    """Line up the student's marks with the kit's spans by character overlap.

    A student mark and a kit span *match* when they share characters. With ``units``
    (the sentences or words the student could mark), each kit span counts as the whole
    unit it lies in, so a student who marks a sentence is not punished for not marking
    only the one word the kit found.

    >>> text = "Militants shelled the town. Aid arrived."
    >>> kit = [Highlight(0, 9, "loaded")]
    >>> r = compare([StudentMark(28, 40, "loaded")], kit, units=units(text))
    >>> len(r.only_student), len(r.only_kit), r.score
    (1, 1, 0.0)
    """
    student = sorted(set(student), key=lambda m: (m.start_char, m.end_char))
    kits = kit_highlights(kit_spans, tag=tag)
    matched: list[Match] = []
    for k in kits:
        for s in student:
            if _overlap(s, _Span(*_widen(k, units))):
                matched.append(Match(s, k, s.tag == k.tag))
    hit_s = {m.student for m in matched}
    hit_k = {id(m.kit) for m in matched}
    only_student = tuple(s for s in student if s not in hit_s)
    only_kit = tuple(k for k in kits if id(k) not in hit_k)

    # Score: characters marked by both with the same tag / characters marked by either.
    mine: dict[int, set[str]] = {}
    theirs: dict[int, set[str]] = {}
    for s in student:
        for c in range(s.start_char, s.end_char):
            mine.setdefault(c, set()).add(s.tag)
    for k in kits:
        lo, hi = _widen(k, units)
        for c in range(lo, hi):
            theirs.setdefault(c, set()).add(k.tag)
    either = set(mine) | set(theirs)
    both = {c for c in either if mine.get(c, set()) & theirs.get(c, set())}
    score = 1.0 if not either else round(len(both) / len(either), 3)
    return Agreement(tuple(matched), only_student, only_kit, score)


@dataclass(frozen=True)
class _Span:
    start_char: int
    end_char: int


def comparison_html(text: str, student: Sequence[StudentMark], kit_spans: Iterable, agreement: Agreement,
                    *, tag: str | Callable = "tag", labels: dict[str, str] | None = None,
                    colors: dict[str, str] | None = None) -> str:
    """Both layers one above the other, then the places where they disagree.

    >>> r = compare([], [Highlight(0, 4, "x")])
    >>> out = comparison_html("Riot <b>", [], [Highlight(0, 4, "x")], r)
    >>> "Only the kit marked" in out and "&lt;b&gt;" in out
    True
    """
    kits = kit_highlights(kit_spans, tag=tag)
    label = (labels or {}).get

    def quote(span) -> str:
        return "“" + text[span.start_char:span.end_char].strip()[:120] + "”"

    lines = []
    for m in agreement.tag_differs:
        lines.append(f"You said {label(m.student.tag, m.student.tag)}, the kit said "
                     f"{label(m.kit.tag, m.kit.tag)}: {quote(m.kit)}")
    for s in agreement.only_student:
        lines.append(f"Only you marked ({label(s.tag, s.tag)}): {quote(s)}")
    for k in agreement.only_kit:
        lines.append(f"Only the kit marked ({label(k.tag, k.tag)}): {quote(k)}")
    parts = [
        message(agreement.summary(), kind="success" if agreement.score >= 0.5 else "info"),
        "<h4 style='margin:6px 0 2px 0'>Your marks</h4>",
        highlight(text, student, labels=labels, colors=colors, show_tags=True),
        "<h4 style='margin:6px 0 2px 0'>The kit's marks</h4>",
        highlight(text, kits, labels=labels, colors=colors, show_tags=True,
                  tooltip=lambda h: h.tooltip or label(h.tag, h.tag)),
    ]
    if lines:
        items = "".join(f"<li>{_esc(line)}</li>" for line in lines)
        parts.append("<h4 style='margin:6px 0 2px 0'>Where you and the kit differ</h4>"
                     f"<ul style='margin:2px 0'>{items}</ul>")
    parts.append(message("The kit is a machine and makes mistakes. For each difference: who is "
                         "right, you or the kit? Why might the kit get it wrong?", kind="info"))
    return "\n".join(parts)


def _esc(text: str) -> str:
    import html

    return html.escape(text)


def annotation_feedback(student: Sequence[StudentMark], agreement: Agreement, *, exercise: str = "") -> Feedback:
    """The Feedback saved for an annotation: done once the student marked and compared.

    >>> annotation_feedback([], Agreement((), (), (), 1.0)).passed
    False
    """
    if not student:
        return Feedback(False, "Mark at least one place first, then compare with the kit.", exercise)
    return Feedback(True, "Compared with the kit. " + agreement.summary(), exercise)
