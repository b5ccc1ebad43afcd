"""The transfer task: one paragraph on a new text with the three questions, before and after the lessons.

Two parallel texts written for the kit (``data/transfer.json``): text A goes with quiz form A,
text B with form B, so the task before and after the lessons is on a text the student has not
seen, and counterbalanced like the quiz. The paragraph is scored by the teacher with
:data:`TRANSFER_RUBRIC` (levels 0 to 4, for accuracy: a wrong reading caps the level;
sample answers at each level in ``lessons/rubrics.md``).

The first submitted paragraph is **locked**: it is the one scored, and only after it is
submitted can the student see a model answer. To be submitted it needs real content
(:func:`problems`): enough words, at least two of the three questions used, each with evidence
quoted from the text in the same sentence (or the one just after the question). The student may revise afterwards; every version is
kept (``versions`` in ``kit_answers.json``) for the teacher.

>>> text = load_text("transfer_b").text
>>> problems("a b c d e f g h", text)[0]
'Write more: at least 30 words (you have 8).'
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data" / "transfer.json"
OCCASIONS = {"quiz_before": "transfer_before", "quiz_after": "transfer_after"}
MIN_WORDS = 30
MIN_LENSES = 2
MIN_EVIDENCE = 2
MAX_VERSIONS = 50

#: The transfer task's rubric (lessons/rubrics.md), highest first. Scored for accuracy.
TRANSFER_RUBRIC = {
    4: "Uses all three questions correctly on this text, each with a short quotation, makes no wrong reading, "
       "and says what to check next and where.",
    3: "Uses at least two of the questions correctly, each with a quotation from the text; no wrong reading.",
    2: "Uses one question correctly with a quotation, or more with a wrong reading "
       "(for example \"at least 14\" read as exactly 14).",
    1: "Summarises or judges the story, or names a question without applying it correctly to the text.",
    0: "Blank, off the topic, or the text copied without comment.",
}
#: The rubric shown with every other open answer (reflections), highest first.
OPEN_RUBRIC = {
    4: "Answers the question with an example quoted from the text, names the lens it uses, and says what is still unknown.",
    3: "Answers the question with an example from the text.",
    2: "Answers in general terms, without an example from the text.",
    1: "Repeats the question or gives an opinion only.",
}

#: Words that show a lens is being used (the three questions and their plain vocabulary).
LENS_WORDS = {
    "framing": r"\b(named?|names|naming|label\w*|calls?|called|words?|framing|judg\w*|hides?|hidden|doer|who did|side)\b",
    "attribution": r"\b(says?|said|sources?|sourced|unsourced|according|claim\w*|admit\w*|who says|quot\w*|statement)\b",
    "numbers": r"\b(numbers?|figures?|at least|more than|floor|range|counts?|counted|exact\w*|part of|total|dozens|hundreds)\b",
}
WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class TransferText:
    id: str
    title: str
    text: str
    model: str
    points: tuple[str, ...]
    sealed: str = ""   # a class's student copy: the model answer, opened by the form's release code

    def opened(self, codes) -> TransferText | None:
        """This text with its model answer: as it is, or opened with one of ``codes``; else None."""
        from dataclasses import replace

        from kit.classroom.keys import open_items

        if not self.sealed:
            return self
        for code in codes:
            keys = open_items(self.sealed, code)
            if keys and isinstance(keys.get("model"), list) and len(keys["model"]) == 2:
                return replace(self, model=str(keys["model"][0]), points=tuple(map(str, keys["model"][1])))
        return None


def load_text(text_id: str) -> TransferText:
    """One of the two texts (``transfer_a``, ``transfer_b``)."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))["texts"][text_id]
    return TransferText(text_id, raw["title"], raw["text"], raw.get("model", ""), tuple(raw.get("points", ())),
                        raw.get("sealed", ""))


def text_for(occasion: str) -> TransferText:
    """The text this student writes about on ``occasion``: the one that goes with their quiz form."""
    from kit.classroom.forms import current_form

    return load_text("transfer_" + current_form(occasion)[-1])


def lenses_used(answer: str) -> list[str]:
    """The lenses whose words the answer uses.

    >>> lenses_used("Who says so? The union. The number is a floor.")
    ['attribution', 'numbers']
    """
    low = answer.lower()
    return [lens for lens, pattern in LENS_WORDS.items() if re.search(pattern, low)]


def evidence(answer: str, passage: str) -> int:
    """Pieces of the text the answer quotes: quoted phrases found in it, or else runs of three of its words.

    >>> evidence('"Hardline activists" judges; "lorries were damaged" hides who.', load_text("transfer_b").text)
    2
    """
    text_words = WORD.findall(passage.lower())
    grams = {tuple(text_words[i:i + 3]) for i in range(len(text_words) - 2)}
    quoted = [q for q in re.findall(r'["“]([^"”]{3,120})["”]', answer)
              if " ".join(WORD.findall(q.lower())) in " ".join(text_words)]
    if quoted:
        return len({q.lower() for q in quoted})
    words = WORD.findall(answer.lower())
    hits, last = 0, -3
    for i in range(len(words) - 2):
        if tuple(words[i:i + 3]) in grams and i >= last + 3:
            hits, last = hits + 1, i
    return hits


def copied_share(answer: str, passage: str) -> float:
    """The share of the answer's words inside runs of three copied from the text."""
    text_words = WORD.findall(passage.lower())
    grams = {tuple(text_words[i:i + 3]) for i in range(len(text_words) - 2)}
    words = WORD.findall(answer.lower())
    inside = set()
    for i in range(len(words) - 2):
        if tuple(words[i:i + 3]) in grams:
            inside |= {i, i + 1, i + 2}
    return len(inside) / max(1, len(words))


def lenses_with_evidence(answer: str, passage: str) -> list[str]:
    """The lenses used in a sentence that quotes the text (or in the sentence just before it,
    such as a question asked first): a lens with its evidence.

    >>> text = load_text("transfer_b").text
    >>> lenses_with_evidence('Who says so? "The port authority claimed" it. Numbers matter.', text)
    ['attribution']
    """
    sentences = [t for t in re.split(r"(?<=[.!?])\s+", answer) if t.strip()]
    found: set[str] = set()
    for i, sentence in enumerate(sentences):
        if evidence(sentence, passage):
            found |= set(lenses_used(sentence)) | set(lenses_used(sentences[i - 1]) if i else ())
    return [lens for lens in LENS_WORDS if lens in found]


def problems(answer: object, passage: str) -> list[str]:
    """What keeps a paragraph from being submitted (empty when it can be), in words for the student."""
    answer = answer if isinstance(answer, str) else ""
    n = len(WORD.findall(answer.lower()))
    out = []
    if n < MIN_WORDS:
        out.append(f"Write more: at least {MIN_WORDS} words (you have {n}).")
    if len(lenses_used(answer)) < MIN_LENSES:
        out.append("Use at least two of the three questions (Who is named how? Who says so? "
                   "What do the numbers really claim?) and say what each shows.")
    if evidence(answer, passage) < MIN_EVIDENCE:
        out.append("Quote at least two short pieces of the text, in quote marks, as your evidence.")
    elif len(lenses_used(answer)) >= MIN_LENSES and len(lenses_with_evidence(answer, passage)) < MIN_LENSES:
        out.append("Give each question you use its own evidence: quote the text in the sentence where you use it.")
    if n >= MIN_WORDS and copied_share(answer, passage) > 0.7:
        out.append("Most of this is the text itself: say in your own words what each quotation does to a reader.")
    return out


def versions(entry: object) -> list[dict]:
    """Every kept version of a saved transfer answer, oldest first."""
    kept = entry.get("versions") if isinstance(entry, dict) else None
    return [v for v in kept if isinstance(v, dict) and isinstance(v.get("text"), str)] if isinstance(kept, list) else []


def submit(occasion: str, answer: str, text: TransferText) -> dict:
    """Keep a submitted version. The first one is locked as the answer; later ones are revisions
    (past :data:`MAX_VERSIONS`, the first and the latest are kept). Returns the entry as saved
    (empty when the folder is read-only). Call only when :func:`problems` is empty."""
    from kit.classroom.answers import update_entry

    def change(old):
        kept = versions(old) + [{"text": answer, "time": time.strftime("%Y-%m-%dT%H:%M:%S")}]
        kept = kept if len(kept) <= MAX_VERSIONS else kept[:1] + kept[-(MAX_VERSIONS - 1):]
        return {"answer": kept[0]["text"], "passed": True, "locked": True, "text_id": text.id,
                "message": "Paragraph submitted.", "saved_at": kept[-1]["time"], "versions": kept}

    return update_entry(OCCASIONS.get(occasion, str(occasion)), change)
