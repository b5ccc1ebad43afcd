"""Annotate first, then compare with the machine; and make, then detect.

A student marks sentences (or words) of a text with a tag *before* seeing what the kit
finds. :func:`compare` then puts the two layers side by side: where the student and the
kit agree, what only the student marked, what only the kit marked. The kit is not the
answer key: its mistakes are part of the lesson ("Where is the kit wrong, and why?").

Everything here is pure logic; :func:`kit.widgets.make_annotator` wires it to controls.

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

from .checks import NOT_ANSWERED, QUESTIONS, Feedback, is_blank
from .errors import KitError
from .render import Highlight, highlight, message

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
        """One sentence for students.

        >>> Agreement((), (), (), 1.0).summary()
        'You and the kit agree on 0 places (agreement 100%); ...'
        """
        return (
            f"You and the kit agree on {len(self.agreed)} place{'s' * (len(self.agreed) != 1)} "
            f"(agreement {round(self.score * 100)}%); "
            f"you chose another tag than the kit {len(self.tag_differs)} time"
            f"{'s' * (len(self.tag_differs) != 1)}; only you marked {len(self.only_student)}; "
            f"only the kit marked {len(self.only_kit)}."
        )


# ---------------------------------------------------------------- units


def units(text: str, *, unit: str = "sentence", doc=None) -> list[Unit]:
    """The sentences (or words, without punctuation) of ``text`` a student can mark.

    >>> [u.text for u in units("Troops fired. Two died.", unit="token")]
    ['Troops', 'fired', 'Two', 'died']
    """
    if unit not in UNITS:
        raise KitError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}.")
    if doc is None:
        from .nlp import parse

        doc = parse(text)
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
    """Rebuild marks from what :mod:`kit.progress` saved; anything that does not fit is dropped.

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


# ---------------------------------------------------------------- make, then detect

#: The finders "make, then detect" runs, if the kit has them: name -> (lens, what they find, detail attribute).
FINDERS = (
    ("find_labels", "framing", "labels for people and groups", "stance"),
    ("find_loaded", "framing", "loaded words", "category"),
    ("find_passives", "framing", "passive sentences", None),
    ("find_attributions", "attribution", "sources (who says so)", "source_type"),
    ("find_unattributed", "attribution", "claims with no source", None),
    ("find_numbers", "numbers", "numbers", "hedge"),
)


@dataclass(frozen=True)
class Found:
    """What one finder found in a student's text."""

    finder: str
    lens: str
    what: str
    items: tuple
    details: tuple[str, ...]


def available_finders() -> list[tuple[str, str, str, str | None, Callable]]:
    """The finders of :data:`FINDERS` the kit has (lens modules add them over time)."""
    import kit

    out = []
    for name, lens, what, detail in FINDERS:
        fn = getattr(kit, name, None)
        if callable(fn):
            out.append((name, lens, what, detail, fn))
    return out


def _describe(item, text: str, detail: str | None, finder: str) -> str:
    start, end = getattr(item, "start_char", None), getattr(item, "end_char", None)
    words = text[start:end] if isinstance(start, int) and isinstance(end, int) else str(getattr(item, "text", item))
    words = " ".join(words.split()).rstrip(".")
    if len(words) > 80:
        words = words[:77] + "..."
    extra = getattr(item, detail, None) if detail else None
    if finder == "find_attributions" and getattr(item, "speaker", ""):
        words = f"{item.speaker} {getattr(item, 'cue', '')}".strip()
    if finder == "find_passives":
        extra = "no doer named" if getattr(item, "agent", "") is None else "doer named"
    return f"“{words}”" + (f" ({extra})" if extra not in (None, "") else "")


#: What counts for :func:`counts`, in words.
COUNTED = {"find_labels": "labels that take a side", "find_passives": "passives that hide who did it"}


def counts(finder: str, item) -> bool:
    """Does a found item count as "made on purpose" for the exercise?

    Neutral labels and passives that name their doer do not push the reader one way,
    so they do not count; everything else does.
    """
    if finder == "find_labels":
        return getattr(item, "stance", "") != "neutral"
    if finder == "find_passives":
        return getattr(item, "agent", None) is None
    return True


def detect(text: str, *, lenses: Iterable[str] | None = None) -> list[Found]:
    """Run every finder the kit has on ``text`` (optionally only some lenses).

    >>> all(isinstance(f, Found) for f in detect("Rebels said 20 people died."))
    True
    """
    from .nlp import parse

    doc = parse(text)
    want = set(lenses) if lenses else set(QUESTIONS)
    out = []
    for name, lens, what, detail, fn in available_finders():
        if lens not in want:
            continue
        try:
            items = tuple(fn(doc))
        except KitError:
            raise
        except Exception:  # a finder still being built must not stop the lesson
            continue
        out.append(Found(name, lens, what, items, tuple(_describe(i, text, detail, name) for i in items)))
    return out


def detect_feedback(text: object, *, expect: Iterable[str] = (), original: str | None = None,
                    lenses: Iterable[str] | None = None, exercise: str = "make_then_detect") -> Feedback:
    """Make, then detect: say what the kit's detectors found in a student's own text.

    ``expect`` names finders (e.g. ``"find_labels"``) that should find something for the
    exercise to count as done (one of them is enough; see :func:`counts`: neutral labels
    do not count); ``original`` is the text the student rewrote, to compare
    how many things each finder found before and after. The answer is saved (a free-text
    answer in the teacher's gradebook).

    >>> detect_feedback(...).passed
    False
    """
    from .progress import save_answer

    if is_blank(text):
        return Feedback(False, NOT_ANSWERED, exercise)
    if not isinstance(text, str):
        return Feedback(False, "Write your version as text between quotes.", exercise)
    if not any(c.isalpha() for c in text):
        return Feedback(False, "Write your version in words: a sentence or a short paragraph.", exercise)
    try:
        found = detect(text, lenses=lenses)
        before = {f.finder: len(f.items) for f in detect(original, lenses=lenses)} if original else {}
    except KitError as err:
        return Feedback(False, str(err), exercise)
    lines, nothing = [], []
    for f in found:
        change = ""
        if f.finder in before and before[f.finder] != len(f.items):
            diff = len(f.items) - before[f.finder]
            change = f", {diff:+d} on the original"
        if not f.items:
            nothing.append(f.what + (f" ({change[2:]})" if change else ""))
            continue
        shown = ", ".join(f.details[:6]) + (", ..." if len(f.details) > 6 else "")
        lines.append(f"{f.what} ({len(f.items)}{change}): {shown}")
    have = {f.finder: sum(counts(f.finder, i) for i in f.items) for f in found}
    expect = [e for e in ([expect] if isinstance(expect, str) else list(expect))]
    present = [e for e in expect if e in have]  # finders the kit has; one finding among them is enough
    missing = present if present and not any(have[e] for e in present) else []
    report = "The kit found " + ("; ".join(lines) if lines else "nothing it can look for") + "."
    if nothing:
        report += " Nothing found for: " + ", ".join(nothing) + "."
    if missing:
        whats = " or ".join(COUNTED.get(n, w) for n, _, w, _ in FINDERS if n in missing) or ", ".join(missing)
        lens_q = {lens for n, lens, *_ in FINDERS if n in missing}
        questions = " ".join(f"({QUESTIONS[q]})" for q in sorted(lens_q) if q in QUESTIONS)
        fb = Feedback(False, f"Not yet. {report} There are no {whats} in your version, as far as the kit can tell. "
                             f"Change more words, then check again. {questions}".strip(), exercise)
    else:
        fb = Feedback(True, f"Done! {report} Did the kit find everything you put in? "
                            "If not, that is a limit of the kit worth talking about.", exercise)
    save_answer(exercise, text, fb)
    return fb
