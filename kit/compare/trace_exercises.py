"""Trace-it-to-the-original exercises (notebook 06): checkers that teach with a hint.

The facts behind them were checked against AFP's English copies of the story (see the seed
article's ``copies`` and ``republisher_note``, and lessons/06_trace.md).
"""

from __future__ import annotations

import math
import re

from kit.classroom.answers import exercise
from kit.classroom.checking import checker
from kit.classroom.feedback import Feedback, choice, hint, is_blank, norm, passed
from kit.numbers.exercises import as_number

#: Straight-line distance Aleppo-Hama in km (city centres, about 125) and the range accepted:
#: measuring on a map by hand, or by road (about 145 km), lands in it.
ALEPPO_HAMA_KM = 125
ACCEPTED_KM = (110, 150)


def _has(given: str, *words: str) -> bool:
    """Does ``given`` use one of ``words`` (a word start; a word of four letters or fewer whole), not after "not"?

    >>> _has("the ap report", "ap"), _has("apart from", "ap"), _has("not the observatory", "observatory")
    (True, False, False)
    """
    return any(re.search(rf"(?<!not )(?<!not the )(?<!n't )\b{re.escape(w)}" + (r"\b" if len(w) <= 4 else ""), given)
               for w in words)


#: "AFP or the observatory", "AFP / Rahman", "either ...": a list of guesses, not an answer.
_GUESSES = re.compile(r"\bor\b|\beither\b|/|\band/or\b")


def _first_rule(given: str, ex: str, rules, default: str, *, one: bool = False) -> Feedback:
    """The message of the first ``(passes, words, message)`` rule with one of its words in ``given``
    (praise when it passes, else a hint); the ``default`` hint when none has.

    An answer that passes but also names a wrong answer gets a hint to choose: when it is a list of
    guesses ("AFP or Rahman"), or always when ``one`` (no right answer uses a wrong rule's words).

    >>> _first_rule("afp or rahman", "x", [(True, ("rahman",), "Yes."), (False, ("afp",), "No.")], "?").passed
    False
    """
    for passes, words, text in rules:
        if _has(given, *words):
            wrong = [w for ok, ws, _ in rules if not ok for w in ws if _has(given, w)]
            if passes and wrong and (one or _GUESSES.search(given)):
                return hint(f"Your answer names \u201c{wrong[0]}\u201d too. Choose one answer, and say "
                            "only that one. (Who says so?)", ex)
            return (passed if passes else hint)(text, ex)
    return hint(default, ex)


@checker("trace_speaker")
def trace_speaker(answer: object) -> Feedback:
    """06_trace: whose words are "... escapes the control of Syrian regime forces"?

    >>> trace_speaker("Rami Abdel Rahman").passed, trace_speaker("the Syrian Observatory").passed
    (True, True)
    >>> trace_speaker("AFP").passed
    False
    """
    ex = "trace_speaker"
    given = norm(str(answer)[:500])  # a name or a few words; a pasted essay is cut
    if given in {"he", "him", "the man", "he said"}:
        return hint("Yes, \u201che said\u201d: now give his name. The sentence before names him.", ex)
    return _first_rule(given, ex, [
        (True, ("rahman", "rami", "observatory", "sohr", "osdh", "monitor"),
         "The line is a quotation of Rami Abdel Rahman, head of the Syrian Observatory for Human Rights: AFP "
         "wrote \u201che said\u201d and put \u201cis out of control of Syrian regime forces\u201d in quotation "
         "marks. The republished copy dropped both, so \u201cregime forces\u201d reads as the outlet's own "
         "words. Who says so?"),
        (False, ("afp", "writer", "journalist", "reporter", "newspaper", "outlet", "nobody", "no one", "none"),
         "In the republished copy nobody says it, so it reads as the outlet's own words. Now look at an "
         "original copy: the same words end with \u201che said\u201d. Who is \u201che\u201d? Read the "
         "sentence before it. (Who says so?)"),
        (False, ("assad", "government", "regime", "army", "syria"),
         "Would Syria's government call its own army \u201cregime forces\u201d? In the original the words "
         "end with \u201che said\u201d: who is \u201che\u201d?"),
    ], "Find the same words in one of the original copies. Who \u201csaid\u201d them? (Who says so?)")


@exercise("trace_observer")
def trace_observer(answer: object) -> Feedback:
    """06_trace: who is the "observer" in "after an observer said"?

    >>> trace_observer("b").passed, trace_observer("a").passed
    (True, False)
    """
    return choice(
        answer, "b",
        {"a": "There is no UN observer in the story. What word does AFP's own copy use instead of "
              "\u201cobserver\u201d? (Who says so?)",
         "c": "AFP's copy says \u201ca monitor said\u201d. Which group in the story is called a monitor, "
              "and is named further down?"},
        exercise="trace_observer",
        success="AFP wrote \u201ca monitor said\u201d: the Syrian Observatory for Human Rights, the monitor "
                "group named two paragraphs later. \u201cAn observer\u201d sounds like any unnamed person; "
                "one word changed, and the source disappeared.",
        default_hint="Answer \"a\", \"b\" or \"c\". Compare the first sentence of the republished copy with "
                     "the same sentence in The Japan Times copy.",
    )


@checker("trace_quote")
def trace_quote(answer: object) -> Feedback:
    """06_trace: whose words are "repel terrorist aggression"?

    >>> trace_quote("the Russian military").passed, trace_quote("AFP").passed
    (True, False)
    """
    ex = "trace_quote"
    return _first_rule(norm(str(answer)[:500]), ex, [
        (True, ("russia", "moscow", "kremlin"),
         "The words come from the Russian military's briefing: AFP quotes them in quotation marks, and its "
         "own word for the fighters is \u201crebels\u201d. Without the marks, \u201cterrorist "
         "aggression\u201d reads as the newspaper's own judgement. Who says so?"),
        (False, ("afp", "writer", "journalist", "newspaper", "outlet"),
         "In the original copies the words are in quotation marks: AFP is quoting somebody. Who "
         "\u201cconfirmed\u201d it was helping the Syrian forces?"),
        (False, ("syria", "assad", "sana", "army", "government"),
         "Close: Syria's government uses words like these too. But read the sentence in the original: whose "
         "military \u201cconfirmed\u201d it was helping Syrian forces?"),
        (False, ("rebel", "hts", "opposition"),
         "Would the rebels call their own offensive \u201cterrorist aggression\u201d? Read who "
         "\u201cconfirmed\u201d it in the sentence."),
    ], "Find the sentence in the Khaleej Times copy: who said it was helping Syrian forces \u201crepel "
       "terrorist aggression\u201d? (Who says so?)")


@checker("trace_distance")
def trace_distance(answer: object) -> Feedback:
    """06_trace: how far is Hama from Aleppo, in km, on a map?

    >>> trace_distance(125).passed, trace_distance("about 130 km").passed, trace_distance(230).passed
    (True, True, False)
    """
    ex = "trace_distance"
    value = as_number(answer)
    if value is None and isinstance(answer, str):
        numbers = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", answer[:200].replace(",", ""))}
        if len(numbers) > 1 and not all(ACCEPTED_KM[0] <= n <= ACCEPTED_KM[1] for n in numbers):
            return hint("Give one distance, the one you measured: a range of numbers takes in wrong "
                        "distances too.", ex)
        found = re.search(r"\d+(?:\.\d+)?", answer.replace(",", ""))
        value = float(found.group(0)) if found else None
    try:
        value = float(value) if not isinstance(value, (bool, str)) and value is not None else None
    except (TypeError, ValueError, OverflowError):
        value = None
    if value is None or not math.isfinite(value):
        return hint("Answer with a number of kilometres, like 100.", ex)
    if ACCEPTED_KM[0] <= value <= ACCEPTED_KM[1]:
        return passed(f"About {ALEPPO_HAMA_KM} km in a straight line (about 145 km by road). The story's "
                      "\u201cabout 230 km\u201d is far too much, and the figure is not in the AFP copies we "
                      "checked: where it came from is unknown. Check a distance against a map before you "
                      "trust it. What do the numbers really claim?", ex)
    if 200 <= value <= 260:
        return hint("That is the story's figure. Do not copy it: measure it yourself, with a map or with "
                    "the two cities' coordinates.", ex)
    if value > 1000:
        return hint("That is more than the whole of Syria (about 800 km across). Answer in km, not metres.", ex)
    return hint("Check your measurement: use the two city centres, and the straight line between them. "
                "Aleppo is at 36.20 north, 37.16 east; Hama at 35.13 north, 36.75 east.", ex)


_SPEAKER_WORDS = ("speaker", "he said", "said", "attribution", "source", "rahman", "who said", "name")
#: What both copies keep (the boxes a student may tick by mistake, or all at once).
_KEPT = ("the date", "date", "the name of the city", "name of the city", "the city", "city")
_MARK_WORDS = ("quote", "quotation", "marks", "inverted commas", '"', "\u201c")


@checker("trace_what_changed")
def trace_what_changed(answer: object) -> Feedback:
    """06_trace: the two things the republisher dropped from Rami Abdel Rahman's sentence.

    >>> trace_what_changed(["the speaker", "the quotation marks"]).passed
    True
    >>> trace_what_changed(["the speaker"]).passed
    False
    """
    ex = "trace_what_changed"
    items = list(answer.values()) if isinstance(answer, dict) else (
        list(answer) if isinstance(answer, (list, tuple, set, frozenset)) else [answer])
    given = " | ".join(norm(x) for x in items if not is_blank(x))
    kept = [norm(x) for x in items if not is_blank(x) and norm(x) in _KEPT]
    if kept:
        return hint(f"Compare {kept[0]} in the two copies: is it the same in both? Tick only what the "
                    "republished copy left out.", ex)
    speaker, marks = _has(given, *_SPEAKER_WORDS), any(w in given for w in _MARK_WORDS)
    if speaker and marks:
        return passed("The speaker (\u201che said\u201d: Rami Abdel Rahman) and the quotation marks. With "
                      "both gone, a source's words became the outlet's own statement. The kit calls these "
                      "\u201cspeaker dropped\u201d and \u201cquotation marks lost\u201d.", ex)
    if speaker:
        return hint("One of two: the speaker. What marks did AFP put around the words "
                    "\u201cis out of control of Syrian regime forces\u201d?", ex)
    if marks:
        return hint("One of two: the quotation marks. What else ends AFP's sentence and is missing from "
                    "the republished one? (Who says so?)", ex)
    return hint("Look at the marked changes in the view for this sentence: one is about who says it, one "
                "about punctuation. Tick both.", ex)


# ------------------------------------------------ SIFT practised: Stop, Investigate (with evidence)

@checker("trace_stop")
def trace_stop(answer: object) -> Feedback:
    """06_trace, Stop: which words of the copy push a feeling before any fact?

    >>> trace_stop("BIG LOSS:").passed
    True
    >>> trace_stop("regime forces").passed
    False
    """
    ex = "trace_stop"
    given = norm(str(answer)[:500])  # a name or a few words; a pasted essay is cut
    if _has(given, "big loss") and _has(given, "regime", "first time", "escape", "aleppo", "control"):
        return hint("Just the words that push a feeling, not the whole line: which words come before "
                    "any fact?", ex)
    if _has(given, "big loss"):
        return passed("\"BIG LOSS:\" tells you how to feel (and whose loss it is) before you read a "
                      "single fact. None of AFP's copies listed in this notebook has it: the republisher "
                      "added it. Stop when a text pushes a feeling: that is when checking matters most.", ex)
    if _has(given, "regime"):
        return hint("\"regime forces\" is a label to check later (lesson 1). Before it, in capitals, two "
                    "words tell you how to feel. Which?", ex)
    if _has(given, "first time", "escape"):
        return hint("That part states a fact you can check. Look above it: which words judge the news "
                    "before telling it?", ex)
    return hint("Read the copy from its very first line. Which words, in capitals, tell you how to feel?", ex)


#: Evidence of lateral reading about the Observatory: a link, or a second source named.
_MONITOR_EVIDENCE = re.compile(r"https?://\S+|\bwww\.\S+|\b[a-z0-9-]+\.(?:org|com|net|uk|int)\b|reuters|"
                               r"associated press|\bap\b|afp|bbc|guardian|times of israel|wikipedia|"
                               r"new york times|human rights watch|amnesty", re.I)


@checker("trace_monitor")
def trace_monitor(answer: object) -> Feedback:
    """06_trace, Investigate: who runs the Syrian Observatory for Human Rights? A letter, then the
    evidence: a link, or the second source that says so.

    >>> trace_monitor("b, Reuters 2011").passed
    True
    >>> trace_monitor("b").passed
    False
    """
    ex = "trace_monitor"
    if isinstance(answer, (tuple, list)) and answer:
        letter, evidence = norm(answer[0])[:1], " ".join(str(a) for a in list(answer)[1:5])[:2000]
    else:
        text = str(answer).strip()[:2000]
        m = re.match(r"\(?([abcABC])\b\)?(.*)", text, re.S)
        letter, evidence = (m.group(1).lower(), m.group(2)) if m else (norm(text), "")
    if letter == "b" and not _MONITOR_EVIDENCE.search(evidence):
        return hint("Right choice. Now show how you know: add the link where you read it, or name the "
                    "second source (\"b, Reuters 2011\"). Lateral reading means leaving the page to ask "
                    "others. (Who says so?)", ex)
    return choice(
        letter, "b",
        {"a": "The name sounds official, but is it a UN body? Search the name with \"who runs\" and "
              "read what news agencies say about it.",
         "c": "The Syrian government under al-Assad called its reports lies. Search who runs it, and "
              "from where."},
        exercise=ex,
        success="One man, Rami Abdel Rahman, runs it from Coventry, England, with a network of sources in "
                "Syria whose names are not published. News agencies cite it more than any single source, "
                "and both sides have attacked it. Useful, never a checked fact: and you kept the evidence.",
        default_hint="Start with a, b or c, then the link or the source you found.",
    )


@checker("trace_coverage")
def trace_coverage(answer: object) -> Feedback:
    """06_trace, Find better coverage: which report is not a copy of AFP's text?

    >>> trace_coverage("Express & Star").passed
    True
    >>> trace_coverage("The Japan Times").passed
    False
    """
    ex = "trace_coverage"
    given = norm(str(answer)[:500])  # an outlet's name; a pasted essay is cut
    rules = (
        (True, ("express", "star", "ap", "associated press"),
         "The Express & Star ran the Associated Press's report (through PA): another agency, other "
         "reporters, other details (state television's \"nearly 1,000 insurgents\", the White Helmets' "
         "toll). Five copies of one AFP text are one source; a second agency is a second look."),
        (False, ("japan", "khaleej", "cna", "channel", "taipei", "moscow"),
         "That page carries AFP's text: the same sentences, sometimes trimmed, under another name. "
         "Which report has details none of the AFP copies has?"),
    )
    return _first_rule(given, ex, rules, "Compare the first sentences of each report. Which one tells "
                                         "the story in other words, with other facts?", one=True)


@exercise("trace_yesterday")
def trace_yesterday(answer: object) -> Feedback:
    """06_trace: "yesterday" in a copy dated 2 December; the meeting took place on 2 December.

    >>> trace_yesterday("b").passed
    True
    """
    return choice(
        answer, "b",
        {"a": "Iran's Mehr news agency reports the meeting in Ankara on Monday 2 December, not on the "
              "1st. So whose \"yesterday\" is it? Look at the date of the copy that is closest to ours.",
         "c": "\"Yesterday\" always depends on the day the text was printed. Which printed copy could "
              "say \"yesterday\" of 2 December?"},
        exercise="trace_yesterday",
        success="The sentence was written for a page of 3 December (the copy closest to ours, in the Taipei "
                "Times, is dated 3 December): there, \"yesterday\" is 2 December. Copied into a page dated 2 December, it points to the wrong "
                "day. Relative dates (yesterday, last week) belong to the page they were written for.",
        default_hint="Compare the date of our copy with the date of the closest AFP copy, and with the day "
                     "the meeting took place.",
    )
