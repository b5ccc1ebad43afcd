"""Compare exercises (notebooks 04 and 05): checkers that teach with a hint."""

from __future__ import annotations

import re

from kit.classroom.checking import checker
from kit.classroom.feedback import Feedback, choice, hint, norm, passed
from kit.numbers.exercises import one_number

_VOICES = {
    "state media": {"state media", "state-media", "state", "government", "government media", "sana",
                    "state tv", "regime media", "official media"},
    "opposition": {"opposition", "opposition outlet", "opposition media", "rebel", "rebels",
                   "rebel media", "activists", "activist"},
    "wire": {"wire", "neutral", "wire story", "news agency", "agency", "neutral wire",
             "neutral wire story", "afp", "reuters", "ap"},
}
#: The blind letters of 04_compare (kit.compare.CONTRAST) and the voice behind each.
_BLIND = {"A": "opposition", "B": "wire", "C": "state media"}


def _voice(answer: object) -> str | None:
    given = norm(answer)
    return next((v for v, words in _VOICES.items() if given in words), None)


@checker("compare_which")
def compare_which(answer: object) -> Feedback:
    """04_compare: which version is which? ``{"A": ..., "B": ..., "C": ...}``.

    >>> compare_which({"A": "opposition", "B": "wire", "C": "state media"}).passed
    True
    >>> compare_which({"A": "wire", "B": "opposition", "C": "state media"}).passed
    False
    """
    ex = "compare_which"
    if not isinstance(answer, dict):
        return hint('Choose one voice for each letter A, B and C: "state media", "opposition" or "wire" '
                    '(in a notebook, fill in the three answers the code cell asks for).', ex)
    got = {str(k).strip().upper(): _voice(v) for k, v in answer.items()}
    unknown = [k for k in _BLIND if got.get(k) is None]
    if unknown:
        return hint(f"Give each of {', '.join(unknown)} one of: \"state media\", \"opposition\", \"wire\".", ex)
    right = [k for k, v in _BLIND.items() if got[k] == v]
    if len(right) == 3:
        return passed(
            "A is the opposition outlet (\u201crevolutionaries\u201d, \u201cliberate\u201d, \u201cregime\u201d), "
            "B the wire story (neutral labels, a named source for each claim, hedged figures) and "
            "C state media (\u201cterrorists\u201d, the army as main source, no civilian deaths).", ex)
    if got.get("C") != "state media" and "state media" in got.values():
        return hint("Look at the delegitimizing labels in the fingerprint: which version calls the "
                    "fighters \u201cterrorists\u201d in its own voice, and gets its facts from the army? "
                    "(Who is named how?)", ex)
    if got.get("A") != "opposition":
        return hint("Which version calls the fighters \u201crevolutionaries\u201d and says they "
                    "\u201cliberated\u201d the city? Those are legitimizing labels. (Who is named how?)", ex)
    return hint("The wire story gives a source for each claim, several kinds of source, and keeps "
                "\u201cat least\u201d and \u201cmore than\u201d on its figures. Which version does that? "
                "(Who says so?)", ex)


#: The tolls version C leaves out, each with who gave it (the kit never blames in its own voice).
_TOLLS = {
    61: "The Syrian Observatory for Human Rights counted at least 61 civilians among the dead of the fighting.",
    12: "The Syrian Observatory for Human Rights said Syrian and Russian strikes killed at least 12 people in Aleppo.",
    9: "The Syrian Observatory for Human Rights said Syrian and Russian strikes killed nine civilians in Idlib.",
}


@checker("compare_left_out")
def compare_left_out(answer: object) -> Feedback:
    """04_compare: a death toll that both other versions give and version C leaves out.

    >>> compare_left_out(61).passed, compare_left_out("412").passed
    (True, False)
    """
    ex = "compare_left_out"
    value = one_number(answer)
    if value in _TOLLS:
        return passed(
            f"Versions A and B both give {value:g}; C does not. {_TOLLS[value]} Leaving a figure out "
            "is framing too: the reader never learns it. (What do the numbers really claim?)", ex)
    if value == 412:
        return hint("C leaves out 412, true, but so does version A (the opposition one). Find a figure "
                    "that BOTH A and B give and C drops: look at the \u201cfigure\u201d rows marked in "
                    "the fingerprint.", ex)
    if value is None or value == "none":
        return hint("Answer with one number from the fingerprint table, like 412.", ex)
    return hint("Compare the \u201cfigure\u201d rows of the fingerprint: find one where C says "
                "\u201cdropped\u201d and both A and B give the figure. (What do the numbers really claim?)", ex)


@checker("article_repair")
def article_repair(answer: object) -> Feedback:
    """05_your_article: repair "I don't think the government will. will recover".

    >>> article_repair("I don't think the government will recover").passed
    True
    >>> article_repair("I don't think the government will. will recover").passed
    False
    """
    ex = "article_repair"
    given = re.sub(r"[^a-z' ]", " ", str(answer).lower())
    given = re.sub(r"\s+", " ", given).strip()
    if "will will" in given:
        return hint("The word \u201cwill\u201d is still there twice. Read the sentence aloud: which words "
                    "does it need?", ex)
    if "government will recover" in given and not re.search(r"\b(don't|do not|dont) think\b", given):
        return hint("Lund's words start \u201cI don't think\u201d: without them the sentence says the "
                    "opposite of what he meant. Keep every word he said.", ex)
    if "government will recover" in given:
        return passed("The full stop and the second \u201cwill\u201d were translation damage. Lund says "
                      "he does not think the government will recover Aleppo.", ex)
    return hint("Keep the words of the sentence and remove only what the translation added: a full "
                "stop and a repeated word. Start from: I don't think the government ...", ex)


#: Evidence of a lateral search: a link, or a second source named by its name.
_EVIDENCE = re.compile(r"https?://\S+|\bwww\.\S+|\b[a-z0-9-]+\.(?:org|com|edu|net|gov|int)\b|\bfpri\b"
                       r"|foreign policy research institute|wikipedia|linkedin", re.I)


def _letter_and_evidence(answer: object) -> tuple[str, str]:
    """The chosen letter and the rest of the answer (the evidence).

    >>> _letter_and_evidence("b: https://www.fpri.org")
    ('b', ': https://www.fpri.org')
    >>> _letter_and_evidence(("B", "Wikipedia"))
    ('b', 'Wikipedia')
    """
    if isinstance(answer, (tuple, list)) and answer:
        return norm(answer[0])[:1], " ".join(str(a) for a in list(answer)[1:5])[:2000]
    text = str(answer).strip()[:2000]
    m = re.match(r"\(?([abcABC])\b\)?(.*)", text, re.S)
    return (m.group(1).lower(), m.group(2)) if m else (norm(text), "")


@checker("article_lateral")
def article_lateral(answer: object) -> Feedback:
    """05_your_article: what lateral reading shows about "American Institute for Foreign Policy Research",
    with the evidence: a link, or the second source that says so.

    >>> article_lateral("b: his page at https://www.fpri.org").passed
    True
    >>> article_lateral("b").passed
    False
    """
    ex = "article_lateral"
    letter, evidence = _letter_and_evidence(answer)
    if letter == "b" and not _EVIDENCE.search(evidence):
        return hint("Right choice. Now show how you know: add the link (URL) where you found his "
                    "institute, or name the second source that says so, e.g. \"b: ... https://...\". "
                    "(Who says so?)", ex)
    return choice(
        letter, "b",
        {"a": "Search the exact name in quotation marks. Do you find an organisation that uses it, "
              "with Aaron Stein as its president? Then search \u201cAaron Stein\u201d with "
              "\u201cpresident\u201d. (Who says so?)",
         "c": "Search \u201cAaron Stein\u201d: you will find him, with his real job title. The person "
              "is real; check the name of his organisation."},
        exercise=ex,
        success="Aaron Stein is president of the Foreign Policy Research Institute (FPRI), in "
                "Philadelphia. The translation turned its name into ordinary words in another order. "
                "Lateral reading found the real source in a minute, and you kept the evidence.",
        default_hint="Start with \"a\", \"b\" or \"c\", then the link or source you found. Search for "
                     "the name in a new tab before you choose.",
    )
