"""Exercise checkers: they say what is right, and when it is not, give a hint that teaches.

A checker never raises at a student: it returns a :class:`Feedback`, which shows in the
notebook as a green tick or a hint. ``Feedback.passed`` is what tests look at.

>>> start_observatory("the Syrian Observatory for Human Rights").passed
True
>>> print(start_observatory("AFP"))
Not yet. AFP wrote the story...
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

#: The three questions every lens asks. Every notebook shows them, and hints point back to them.
QUESTIONS = {
    "framing": "Who is named how?",
    "attribution": "Who says so?",
    "numbers": "What do the numbers really claim?",
}

NOT_ANSWERED = "You have not answered yet: replace the ... with your answer, then run the cell again."


@dataclass(frozen=True)
class Feedback:
    """What a checker says: ``passed`` and a message (a hint when not passed)."""

    passed: bool
    message: str
    exercise: str = ""

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return ("✅ " if self.passed else "💡 ") + self.message

    def _repr_html_(self) -> str:
        from .render import message

        return message(self.message, kind="success" if self.passed else "warning")


def passed(text: str, exercise: str = "") -> Feedback:
    """A success message."""
    return Feedback(True, "Well done! " + text, exercise)


def hint(text: str, exercise: str = "") -> Feedback:
    """A hint: what to look at again, never just "wrong"."""
    return Feedback(False, "Not yet. " + text, exercise)


def is_blank(answer: object) -> bool:
    """True when the student has not replaced the placeholder.

    A list or dict whose every item is still blank (``{"Rahman": ..., "SANA": ...}``)
    counts as not answered too.

    >>> is_blank(...), is_blank(""), is_blank("x"), is_blank({"a": ...}), is_blank([..., "b"])
    (True, True, False, True, False)
    """
    if answer is ... or answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, dict):
        return all(is_blank(v) for v in answer.values())
    if isinstance(answer, (list, tuple, set, frozenset)):
        return all(is_blank(v) for v in answer)
    return False


def norm(text: object) -> str:
    """Lower-case, single-spaced, without punctuation at the ends; for comparing answers.

    >>> norm("  The  Army. ")
    'the army'
    """
    return re.sub(r"\s+", " ", str(text)).strip().strip(".,;:!?\"'").lower()


def choice(answer: object, correct: str | set[str], hints: dict[str, str], *, exercise: str,
           success: str, default_hint: str) -> Feedback:
    """Check a one-word or multiple-choice answer, with a hint per known wrong answer.

    >>> choice("b", "a", {"b": "B is close."}, exercise="x", success="A it is.", default_hint="Reread.")
    💡 Not yet. B is close.
    """
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, exercise)
    ok = {correct} if isinstance(correct, str) else set(correct)
    given = norm(answer)
    if given in {norm(c) for c in ok}:
        return passed(success, exercise)
    for wrong, text in hints.items():
        if given == norm(wrong):
            return hint(text, exercise)
    return hint(default_hint, exercise)


# ---------------------------------------------------------------- 00_start
# Each notebook's checkers live in a section like this one, decorated with
# @exercise("<id>") from kit.progress so answers are saved beside the notebook.

from .progress import exercise  # noqa: E402  (progress imports Feedback from here)


@exercise("start_observatory")
def start_observatory(answer: object) -> Feedback:
    """00_start: which organisation does the article rely on for the death toll?"""
    ex = "start_observatory"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    given = norm(answer)
    if "observatory" in given:
        return passed(
            "The Syrian Observatory for Human Rights, a monitoring group based in Britain, "
            "gives the figures. Later you will ask: how could it know?",
            ex,
        )
    if given in {"afp", "agence france-presse", "agence france presse"}:
        return hint(
            "AFP wrote the story, but who does AFP say counted the dead? Find the sentence "
            "with \"more than 412 dead\" and read to its end. (Who says so?)",
            ex,
        )
    if "sana" in given or "news agency" in given:
        return hint(
            "SANA published the army's statement about strikes. The total death toll comes "
            "from someone else: read the end of the sentence with \"more than 412\".",
            ex,
        )
    return hint(
        "Look for the sentence with \"more than 412 dead\". Its last words say according to "
        "whom. (Who says so?)",
        ex,
    )


# ---------------------------------------------------------------- 01_framing

_FRAMING_Q = QUESTIONS["framing"]


def _as_items(answer) -> list[str] | None:
    if isinstance(answer, str):
        return None
    try:
        return [norm(a) for a in answer]
    except TypeError:
        return None


def _drop_article(text: str) -> str:
    return re.sub(r"^(the|a|an) ", "", text)


@exercise("framing_loaded_label")
def framing_loaded_label(answer: object) -> Feedback:
    """01_framing: which two words in the first lines take a side against the government?"""
    ex = "framing_loaded_label"
    return choice(
        _drop_article(norm(answer)) if not is_blank(answer) else answer,
        {"regime forces", "syrian regime forces"},
        {
            "government forces": "\"Government forces\" is the neutral phrase wire agencies use. Which words in "
                                 "the same line sound like a judgement on the government?",
            "rebel offensive": "\"Rebel offensive\" names the opposition's attack, and in a neutral way. "
                               "Look at how the first line names the government's troops.",
            "regime": "Close! \"Regime\" is the loaded word. Which two words does the first line use "
                      "for the troops?",
            "syrian regime": "Close! Which two words name the troops?",
            "civil war": "\"Civil war\" names the whole war. Look at how the first line names the "
                         "government's troops.",
        },
        exercise=ex,
        success="\"Regime forces\" makes the army the tool of an illegitimate ruler. A neutral wire "
                "would write \"government forces\".",
        default_hint=f"Read the line after \"BIG LOSS:\" again. Whose troops are named, and with what word? ({_FRAMING_Q})",
    )


_GOV_SIDE = {"regime forces", "government forces", "army", "syrian regime forces", "syrian government forces"}


@exercise("framing_same_side")
def framing_same_side(answer: object) -> Feedback:
    """01_framing: list the three names the article uses for the government's troops."""
    ex = "framing_same_side"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    items = _as_items(answer)
    if items is None:
        return hint("Give a list of names in square brackets, like [\"one\", \"two\", \"three\"].", ex)
    given = {_drop_article(i) for i in items}
    wrong = sorted(g for g in given if g not in _GOV_SIDE)
    if wrong:
        return hint(f"{', '.join(wrong)}: does that name the government's side? Keep only names for the "
                    f"government's troops. ({_FRAMING_Q})", ex)
    kinds = {g.replace("syrian ", "") for g in given}
    missing = {"regime forces", "government forces", "army"} - kinds
    if missing:
        if "army" in missing:
            return hint("One more: find the paragraph that begins \"The army strengthened...\".", ex)
        return hint(f"You have {len(kinds)} of 3. Look at the first two paragraphs again.", ex)
    return passed("Three names, one side: \"regime forces\" (against), \"government forces\" (neutral), "
                  "\"the army\" (sounds official). Same troops, three framings.", ex)


@exercise("framing_hidden_actor")
def framing_hidden_actor(answer: object) -> Feedback:
    """01_framing: copy a clause from the article that hides who did something."""
    from .articles import load_article
    from .framing import find_passives
    from .nlp import parse

    ex = "framing_hidden_actor"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    if len(str(answer)) > 1000:
        return hint("Copy just one clause (a few words) from the article.", ex)
    text = load_article("aleppo-2024-12-02").text
    given = norm(answer)
    doc = parse(text)
    sentences = [s for s in doc.sents if given and given in norm(s.text)]
    if not sentences:
        return hint("Copy words exactly as they are in the article (a part of one sentence is enough). "
                    "Who did it? Look at the paragraph that begins \"On Sunday, in the province\".", ex)
    sent = sentences[0]
    hidden = [p for p in find_passives(doc) if p.agent is None and sent.start_char <= p.start_char < sent.end_char]
    overlap = [p for p in hidden if norm(p.text) in given or given in norm(p.text)]
    if overlap:
        return passed(f"\"{overlap[0].text}\" does not say who did it. Who did it? The article does not "
                      "tell us: a careful reader notices the gap.", ex)
    if hidden:
        return hint(f"This sentence does hide a doer, but in other words. Look at \"{hidden[0].text}\".", ex)
    return hint("In this part, the doer is named (it is the subject of the verb). Find a clause like "
                "\"X was done\" or \"bodies lay\", where nobody is said to have done it.", ex)


@exercise("framing_neutral_rewrite")
def framing_neutral_rewrite(answer: object) -> Feedback:
    """01_framing: rewrite "Freedom fighters liberated the town." as a neutral wire would."""
    from .framing import find_labels
    from .nlp import parse

    ex = "framing_neutral_rewrite"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    if len(str(answer)) > 500:
        return hint("Write one short sentence: the same facts, in neutral words.", ex)
    labels = find_labels(parse(str(answer)))
    loaded = [l for l in labels if l.stance != "neutral"]
    if loaded:
        l = loaded[0]
        side = "against" if l.stance == "delegitimizing" else "for"
        return hint(f"\"{l.text}\" still takes a side ({side} the {l.actor}). What would a wire agency write?"
                    + (f" Try \"{l.neutral}\"." if l.neutral else ""), ex)
    words = set(re.findall(r"[a-z]+", norm(answer)))
    if not (words & {"town", "city", "village"}):
        return hint("Keep the facts: the sentence is about a town. Change only the words that take a side.", ex)
    if not [l for l in labels if l.actor == "opposition"] and not (words & {"fighters", "gunmen", "group"}):
        return hint("Say who took the town, with a neutral name for them. (Who is named how?)", ex)
    return passed("Neutral wording says what happened (who took the town) without judging it.", ex)


# ---------------------------------------------------------------- 02_attribution

_TYPE_WORDS = {
    "official": "official", "government": "official",
    "state media": "state_media", "state_media": "state_media", "state-run media": "state_media",
    "military": "military", "army": "military",
    "monitor": "monitor", "monitor group": "monitor", "monitoring group": "monitor",
    "expert": "expert", "analyst": "expert",
    "foreign government": "foreign_government", "foreign_government": "foreign_government",
    "eyewitness": "eyewitness", "witness": "eyewitness", "resident": "eyewitness",
    "unnamed": "unnamed", "anonymous": "unnamed",
    "media": "media", "organisation": "organisation", "organization": "organisation", "other": "other",
}

#: 02_attribution exercise 1: the speakers students classify, their type, and a hint each.
ATTRIBUTION_SOURCES = {
    "Rami Abdel Rahman": ("monitor", "Read his whole title: head of the Syrian Observatory for Human "
                          "Rights. What does an observatory do with deaths and battles?"),
    "Iranian state media": ("state_media", "Who owns these media? The word before \"media\" tells you."),
    "The Russian military": ("military", "An army speaking about its own operations: what kind of source is that?"),
    "Umm Mohamed": ("eyewitness", "She is a resident who speaks from the hospital. What did she see herself?"),
    "Aron Lund": ("expert", "He works for a think tank. Did he see the fighting, or does he study it?"),
    "an observer": ("unnamed", "Could you find this person? The text gives no name and no organisation."),
}


def _type_of(answer: object) -> str:
    return _TYPE_WORDS.get(norm(answer).replace("-", " ").replace("_", " "), norm(answer))


@exercise("attribution_classify")
def attribution_classify(answer: object) -> Feedback:
    """02_attribution: the source type of each speaker in ``ATTRIBUTION_SOURCES``.

    >>> attribution_classify({k: v[0] for k, v in ATTRIBUTION_SOURCES.items()}).passed
    True
    >>> print(attribution_classify({"Rami Abdel Rahman": "official"}))
    Not yet. 0 of 6 right. Rami Abdel Rahman: Read his whole title...
    """
    ex = "attribution_classify"
    if is_blank(answer) or not isinstance(answer, dict):
        return Feedback(False, NOT_ANSWERED if is_blank(answer) else
                        "Give a dictionary: {\"speaker\": \"type\", ...}, as in the cell.", ex)
    given = {norm(k): v for k, v in answer.items()}
    if all(is_blank(v) for v in given.values()):
        return Feedback(False, NOT_ANSWERED, ex)
    wrong = [(name, tip) for name, (kind, tip) in ATTRIBUTION_SOURCES.items()
             if is_blank(given.get(norm(name))) or _type_of(given.get(norm(name))) != kind]
    if not wrong:
        return passed("Six speakers, six kinds of source. Each knows different things in "
                      "different ways: that is why \"who says so?\" matters.", ex)
    right = len(ATTRIBUTION_SOURCES) - len(wrong)
    name, tip = wrong[0]
    return hint(f"{right} of {len(ATTRIBUTION_SOURCES)} right. {name}: {tip} (Who says so?)", ex)


@exercise("attribution_doubt_verb")
def attribution_doubt_verb(answer: object) -> Feedback:
    """02_attribution: a verb to replace "confirmed" that keeps a distance (shows doubt).

    >>> attribution_doubt_verb("claimed").passed
    True
    >>> print(attribution_doubt_verb("said"))
    Not yet. "said" is neutral...
    """
    from .attribution import cue_signals
    from .nlp import parse

    ex = "attribution_doubt_verb"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    word = norm(answer)
    if not isinstance(answer, str) or len(word) > 30 or len(word.split()) > 2:
        return hint("Give one verb in quotes, like \"said\", as it would stand in the sentence.", ex)
    signals = cue_signals()
    lemma = parse(f"The army {word} that it helped.")[2].lemma_.lower() if word else word
    signal = signals.get(word) or signals.get(lemma)
    if signal == "distancing":
        return passed(f"\"{word}\" keeps a distance: the reader hears that the claim may not be "
                      "true. \"Confirmed\" does the opposite: it tells you the claim is true.", ex)
    if signal == "neutral":
        return hint(f"\"{word}\" is neutral: it neither trusts nor doubts. Look for a verb that "
                    "makes you wonder whether the army is telling the truth.", ex)
    if signal == "endorsing":
        return hint(f"\"{word}\" still says the claim is true, like \"confirmed\". Which verb "
                    "would make a reader doubt it?", ex)
    if signal:
        return hint(f"\"{word}\" signals something else ({signal}). Which verb tells the reader "
                    "the claim might not be true?", ex)
    return hint(f"The kit does not know \"{word}\" as a verb of saying. Try one from the verb "
                "table above.", ex)


#: 02_attribution exercise 3: the steps of the chain behind the strike on the "gathering of commanders".
ATTRIBUTION_CHAIN = {
    "A": "AFP, a news agency, writes the story in French",
    "B": "the Syrian army writes a statement",
    "C": "SANA, the Syrian state news agency, publishes the statement",
    "D": "a translator turns the story into English",
}
_CHAIN_ORDER = ["B", "C", "A", "D"]


@exercise("attribution_chain")
def attribution_chain(answer: object) -> Feedback:
    """02_attribution: put the steps of ``ATTRIBUTION_CHAIN`` in order, first step first.

    >>> attribution_chain(["B", "C", "A", "D"]).passed
    True
    >>> print(attribution_chain(["C", "B", "A", "D"]))
    Not yet. Step 1 is not right...
    """
    ex = "attribution_chain"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    if isinstance(answer, str):
        answer = [p for p in re.split(r"[\s,>-]+", answer[:200]) if p]
    if not isinstance(answer, (list, tuple)):
        return hint("Give a list of the four letters in order, like [\"A\", \"B\", \"C\", \"D\"].", ex)
    given = [norm(x).upper() for x in answer[:10]]
    if sorted(given) != sorted(_CHAIN_ORDER):
        return hint("Use each letter A, B, C and D once, like [\"A\", \"B\", \"C\", \"D\"].", ex)
    for n, (g, c) in enumerate(zip(given, _CHAIN_ORDER), start=1):
        if g != c:
            tips = {
                1: "Who first made the claim? Read the words right after \"according to\".",
                2: "Who published the claim before AFP could read it?",
                3: "Which step could only happen once the statement was public?",
                4: "The version you read is the last step.",
            }
            return hint(f"Step {n} is not right. {tips[n]} (Who says so?)", ex)
    return passed("Army -> SANA -> AFP -> translator. Four links, and nobody in the chain "
                  "saw the strike for you. Each link can change, cut or mistranslate a claim.", ex)


#: 02_attribution exercise 4: claims from the story; which need a second source?
ATTRIBUTION_CLAIMS = {
    "A": "The strikes killed at least 12 people in Aleppo and nine civilians in the rebel stronghold of Idlib.",
    "B": "Russian and Syrian military planes targeted a gathering of commanders of terrorist "
         "organizations ..., killing dozens of people, according to a military statement published by SANA.",
    "C": "Araghchi landed in Ankara on Sunday evening.",
    "D": "The latest fighting left more than 412 dead, ... according to the observatory.",
    "E": "The United States, France, Germany and the United Kingdom on Sunday called for de-escalation in Syria.",
}
_NEEDS_SECOND = {"A", "B", "D"}


@exercise("attribution_second_source")
def attribution_second_source(answer: object) -> Feedback:
    """02_attribution: the letters of the claims in ``ATTRIBUTION_CLAIMS`` that need a second source.

    >>> attribution_second_source({"A", "B", "D"}).passed
    True
    >>> print(attribution_second_source({"A", "B"}))
    Not yet. Look again at D...
    """
    ex = "attribution_second_source"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    if isinstance(answer, str):
        answer = [p for p in re.split(r"[\s,;]+", answer[:200]) if p]
    if not isinstance(answer, (list, tuple, set, frozenset)):
        return hint("Give a set of letters, like {\"A\", \"C\"}.", ex)
    given = {norm(x).upper() for x in list(answer)[:10]}
    tips = {
        "A": "A has no source at all, and it is about deaths. Who counted them?",
        "B": "B comes from one side of the war, about its own strikes. Would it say if it hit civilians?",
        "C": "C is a public trip by a minister: easy to check and nobody disputes it.",
        "D": "D is one monitor's count of a war's dead. Is one count enough for a figure like that?",
        "E": "E is a public statement by four governments: you can read it yourself.",
    }
    for letter in sorted(_NEEDS_SECOND - given):
        return hint(f"Look again at {letter}. {tips[letter]} (Who says so?)", ex)
    for letter in sorted(given - _NEEDS_SECOND):
        return hint(f"Look again at {letter}. {tips.get(letter, 'Use the letters A to E.')}", ex)
    return passed("A has no source, B comes from one side, D is one count of the dead. "
                  "C and E are public and easy to check. A careful reporter looks for a "
                  "second source where a claim is contested and hard to see.", ex)



# ---------------------------------------------------------------- 03_numbers


def _as_number(x):
    """A student's answer as a number, or the string 'none' for an open limit; None if unreadable."""
    if x is None:
        return "none"
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return x
    t = norm(x).replace(",", "")
    if t in {"none", "no limit", "no upper limit", "nothing", "unknown", "infinity", "inf", "-", ""}:
        return "none"
    try:
        return float(t)
    except ValueError:
        return None


@exercise("numbers_interval")
def numbers_interval(low: object, high: object) -> Feedback:
    """03_numbers: the interval of "at least 61 civilians" (low 61, high None).

    >>> numbers_interval(61, None).passed
    True
    >>> print(numbers_interval(61, 61))
    Not yet. "At least 61" ...
    """
    ex = "numbers_interval"
    if low is ... or high is ...:
        return Feedback(False, NOT_ANSWERED, ex)
    lo, hi = _as_number(low), _as_number(high)
    if lo is None or hi is None:
        return hint("Give numbers, or None for \"no limit\" (without quotes).", ex)
    if lo == 61 and hi == "none":
        return passed("At least 61 means 61 or more, with no upper limit: the real number could be "
                      "far higher. That is why the careful word is \"at least\".", ex)
    if lo == 61 and hi == 61:
        return hint("\"At least 61\" does not say exactly 61. Could there have been 70 civilians "
                    "killed? Then what is the upper limit? (What do the numbers really claim?)", ex)
    if lo == 62:
        return hint("\"At least\" includes the number itself: 61 is allowed. It is \"more than 61\" "
                    "that would start at 62.", ex)
    if hi != "none":
        return hint("Does the sentence give any upper limit for the civilians? If not, the high end is None.", ex)
    return hint("Start from the number written in the sentence, and ask whether \"at least\" "
                "moves it up or down.", ex)


@exercise("numbers_others")
def numbers_others(answer: object) -> Feedback:
    """03_numbers: if 412 died and at least 61 were civilians, at most how many were not civilians?

    >>> numbers_others(351).passed
    True
    """
    ex = "numbers_others"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    n = _as_number(answer)
    if n == 351:
        return passed("412 - 61 = 351. At least 61 civilians leaves AT MOST 351 others: if more "
                      "civilians died, fewer of the 412 were combatants. And 351 is far more than half "
                      "of 412 (206), so \"most of them combatants\" can be true.", ex)
    if n == 473:
        return hint("The civilians are part of the 412, not extra. Take them away, don't add them.", ex)
    if n in (412, 61):
        return hint("The 412 dead include the 61 civilians. How many are left when you take the "
                    "civilians out?", ex)
    if n == 350:
        return hint("Close! \"At least 61\" allows exactly 61, so take away 61, not 62.", ex)
    return hint("Whole minus part: the 412 dead include at least 61 civilians. How many can the rest "
                "be at most?", ex)


@exercise("numbers_dozens")
def numbers_dozens(low: object, high: object) -> Feedback:
    """03_numbers: your own reading of "dozens of people" as a range.

    >>> numbers_dozens(24, 99).passed
    True
    >>> numbers_dozens(12, 20).passed
    False
    """
    ex = "numbers_dozens"
    if low is ... or high is ...:
        return Feedback(False, NOT_ANSWERED, ex)
    lo, hi = _as_number(low), _as_number(high)
    if not isinstance(lo, (int, float)) or not isinstance(hi, (int, float)):
        return hint("Give two numbers: the smallest and the largest number \"dozens\" could mean.", ex)
    if lo > hi:
        return hint("Your low end is bigger than your high end. Swap them?", ex)
    if lo < 20:
        return hint("One dozen is 12. \"Dozens\" (plural) means at least two dozen. What is 2 x 12?", ex)
    if hi < 60:
        return hint("Would a writer say \"dozens\" for 90 people? Your high end leaves them out. "
                    "Where would you switch to \"hundreds\"?", ex)
    if hi > 200:
        return hint("For 500 people a writer would say \"hundreds\". Bring the high end down.", ex)
    return passed(f"You read \"dozens\" as {lo:g} to {hi:g}. The kit uses 24 to 99 (two dozen up "
                  "to just under a hundred). A range this wide is why a vague word says so little.", ex)


@exercise("numbers_source")
def numbers_source(answer: object) -> Feedback:
    """03_numbers: who gives the figure "dozens of people" killed in the strikes?

    >>> numbers_source("SANA").passed
    True
    """
    ex = "numbers_source"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    given = norm(answer)
    if any(w in given for w in ("sana", "military", "army", "news agency", "state media", "government")):
        return passed("A military statement published by SANA, Syria's official news agency. The army "
                      "that carried out the strikes is the one counting the \"terrorists\" it killed: "
                      "a claim by one side in the war, not a checked fact.", ex)
    if "observatory" in given:
        return hint("The observatory gives other figures. Read the sentence with \"dozens of people\" "
                    "to its end: \"according to...\". (Who says so?)", ex)
    if "afp" in given:
        return hint("AFP reports the figure, but whose statement does it quote? Read the end of the sentence.", ex)
    return hint("Find the sentence with \"dozens of people\". Its last words say who published it. (Who says so?)", ex)


@exercise("numbers_trick")
def numbers_trick(answer: object) -> Feedback:
    """03_numbers: which trick makes 12 deaths look four times as many as 9?

    >>> numbers_trick("truncated axis").passed
    True
    """
    return choice(
        answer, {"truncated axis", "truncated", "axis", "the axis does not start at 0", "y axis"},
        {"cherry-picked window": "A window hides days. Here both bars are shown; look at where the "
                                 "value axis starts.",
         "area vs length": "There are no circles in this chart. Look at the numbers on the side.",
         "area": "There are no circles in this chart. Look at the numbers on the side."},
        exercise="numbers_trick",
        success="The axis starts at 8, so the bars show 4 against 1 instead of 12 against 9. Bars must start at 0.",
        default_hint="Compare the two bars with the numbers on the left side of the chart. Where does the axis start?",
    )




# ---------------------------------------------------------------- 04_compare and 05_your_article

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


@exercise("compare_which")
def compare_which(answer: object) -> Feedback:
    """04_compare: which version is which? ``{"A": ..., "B": ..., "C": ...}``.

    >>> compare_which({"A": "opposition", "B": "wire", "C": "state media"}).passed
    True
    >>> compare_which({"A": "wire", "B": "opposition", "C": "state media"}).passed
    False
    """
    ex = "compare_which"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    if not isinstance(answer, dict):
        return hint('Write the answer as {"A": "...", "B": "...", "C": "..."}, with "state media", '
                    '"opposition" or "wire" for each letter.', ex)
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


@exercise("compare_left_out")
def compare_left_out(answer: object) -> Feedback:
    """04_compare: a death toll that both other versions give and version C leaves out.

    >>> compare_left_out(61).passed, compare_left_out("412").passed
    (True, False)
    """
    ex = "compare_left_out"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    value = _as_number(answer)
    if value in (61, 12, 9):
        return passed(
            f"Versions A and B both give {value:g}; C does not. These are people killed, many of them "
            "civilians, many by the government's and Russia's own strikes. Leaving a figure out is "
            "framing too: the reader never learns it. (What do the numbers really claim?)", ex)
    if value == 412:
        return hint("C leaves out 412, true, but so does version A (the opposition one). Find a figure "
                    "that BOTH A and B give and C drops: look at the \u201cfigure\u201d rows marked in "
                    "the fingerprint.", ex)
    if value is None or value == "none":
        return hint("Answer with a number from the fingerprint table, like 230.", ex)
    return hint("Compare the \u201cfigure\u201d rows of the fingerprint: find one where C says "
                "\u201cdropped\u201d and both A and B give the figure. (What do the numbers really claim?)", ex)


@exercise("article_repair")
def article_repair(answer: object) -> Feedback:
    """05_your_article: repair "I don't think the government will. will recover".

    >>> article_repair("I don't think the government will recover").passed
    True
    >>> article_repair("I don't think the government will. will recover").passed
    False
    """
    ex = "article_repair"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    given = re.sub(r"[^a-z' ]", " ", str(answer).lower())
    given = re.sub(r"\s+", " ", given).strip()
    if "will will" in given:
        return hint("The word \u201cwill\u201d is still there twice. Read the sentence aloud: which words "
                    "does it need?", ex)
    if "government will recover" in given:
        return passed("The full stop and the second \u201cwill\u201d were translation damage. Lund says "
                      "he does not think the government will recover Aleppo.", ex)
    return hint("Keep the words of the sentence and remove only what the translation added: a full "
                "stop and a repeated word. Start from: I don't think the government ...", ex)


@exercise("article_lateral")
def article_lateral(answer: object) -> Feedback:
    """05_your_article: what lateral reading shows about "American Institute for Foreign Policy Research".

    >>> article_lateral("b").passed
    True
    """
    return choice(
        answer, "b",
        {"a": "Search the exact name in quotation marks. Do you find an organisation that uses it, "
              "with Aaron Stein as its president? Then search \u201cAaron Stein\u201d with "
              "\u201cpresident\u201d. (Who says so?)",
         "c": "Search \u201cAaron Stein\u201d: you will find him, with his real job title. The person "
              "is real; check the name of his organisation."},
        exercise="article_lateral",
        success="Aaron Stein is president of the Foreign Policy Research Institute (FPRI), in "
                "Philadelphia. The translation turned its name into ordinary words in another order. "
                "Lateral reading found the real source in a minute.",
        default_hint="Answer \"a\", \"b\" or \"c\". Search for the name in a new tab before you choose.",
    )
