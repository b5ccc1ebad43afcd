"""Make, then detect: a student writes a version on purpose; every lens's finders say what they see.

>>> [f.lens for f in detect("Rebels said 20 people died.")][:1]
['framing']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from kit.classroom.feedback import NOT_ANSWERED, QUESTIONS, Feedback, is_blank
from kit.core.errors import KitError

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
    if extra not in (None, "") and finder != "find_passives":
        from kit.core.glossary import plain_label

        extra = plain_label(str(extra))
    return f"“{words}”" + (f" ({extra})" if extra not in (None, "") else "")


#: A version whose words are more alike the original than this is "unchanged" (see :func:`similarity`).
SAME_TEXT = 0.9


def similarity(a: str, b: str) -> float:
    """How alike two texts are, word by word (0 to 1; case and punctuation ignored).

    >>> similarity("Rebels took the town.", "rebels took the town")
    1.0
    >>> similarity("Rebels took the town.", "Terrorists overran the town.") < 0.9
    True
    """
    import difflib
    import re

    words_a, words_b = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    if not words_a and not words_b:
        return 1.0
    return difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


#: What counts for :func:`counts`, in words.
COUNTED = {"find_labels": "labels that take a side", "find_passives": "passives that hide who did it",
           "find_attributions": "verbs of saying that keep a distance (like \u201cclaimed\u201d)"}


def counts(finder: str, item) -> bool:
    """Does a found item count as "made on purpose" for the exercise?

    Neutral labels and passives that name their doer do not push the reader one way,
    so they do not count; everything else does.
    """
    if finder == "find_labels":
        return getattr(item, "stance", "") != "neutral"
    if finder == "find_passives":
        return getattr(item, "agent", None) is None
    if finder == "find_attributions":
        return getattr(item, "cue_signal", "") == "distancing"
    return True


def _signature(found: Iterable[Found]) -> dict:
    """What each finder found, as a comparable summary: the kind of each item, its speaker, cue
    and doer, but not its exact words (so an edit that changes nothing a finder sees is "the same").

    >>> _signature(detect("Rebels took the town, the army said.")) == _signature(detect("Rebels took a town, the army said."))
    True
    """
    out = {}
    for f in found:
        keys = [(getattr(i, "stance", None), getattr(i, "category", None), getattr(i, "hedge", None),
                 getattr(i, "source_type", None), str(getattr(i, "speaker", "")).lower(),
                 str(getattr(i, "cue", "")).lower(), getattr(i, "agent", "") is None) for i in f.items]
        out[f.finder] = sorted(map(repr, keys))
    return out


def _change(now: int, before: int | None) -> str:
    """How a count differs from the original's, in words ("" when the same or unknown).

    >>> _change(2, 5), _change(1, 0), _change(3, 3)
    ('the original had 5', 'the original had none', '')
    """
    if before is None or before == now:
        return ""
    return f"the original had {before or 'none'}"


def detect(text: str, *, lenses: Iterable[str] | None = None) -> list[Found]:
    """Run every finder the kit has on ``text`` (optionally only some lenses).

    >>> all(isinstance(f, Found) for f in detect("Rebels said 20 people died."))
    True
    """
    from kit.core.nlp import parse

    doc = parse(text)
    text = doc.text  # offsets are into the cleaned text (see kit.parse)
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
    from kit.classroom.answers import save_answer

    if is_blank(text):
        return Feedback(False, NOT_ANSWERED, exercise)
    if not isinstance(text, str):
        return Feedback(False, "Write your version as text between quotes.", exercise)
    if not any(c.isalpha() for c in text):
        return Feedback(False, "Write your version in words: a sentence or a short paragraph.", exercise)
    try:
        found = detect(text, lenses=lenses)
        was = detect(original, lenses=lenses) if isinstance(original, str) and original.strip() else []
    except KitError as err:
        return Feedback(False, str(err), exercise)
    if was and similarity(text, original) > SAME_TEXT and _signature(found) == _signature(was):
        return Feedback(False, "Your version is (almost) the same as the original, and the kit finds the same "
                               "things in it. Make it yours: change the words that name people, who says so "
                               "or the verb of saying, then check again.", exercise)
    before = {f.finder: len(f.items) for f in was}
    lines, nothing = [], []
    for f in found:
        change = _change(len(f.items), before.get(f.finder))
        if not f.items:
            nothing.append(f.what + (f" ({change})" if change else ""))
            continue
        shown = ", ".join(f.details[:6]) + (", ..." if len(f.details) > 6 else "")
        lines.append(f"{f.what} ({len(f.items)}{'; ' + change if change else ''}): {shown}")
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
