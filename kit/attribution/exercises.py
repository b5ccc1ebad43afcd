"""Attribution exercises (notebook 02): checkers that teach with a hint."""

from __future__ import annotations

import re

from kit.classroom.answers import exercise
from kit.classroom.checking import checker
from kit.classroom.feedback import NOT_ANSWERED, Feedback, hint, is_blank, norm, passed

_TYPE_WORDS = {
    "official": "official", "government": "official",
    "state media": "state_media", "state_media": "state_media", "state-run media": "state_media",
    "military": "military", "army": "military",
    "monitor": "monitor", "monitor group": "monitor", "monitoring group": "monitor",
    "expert": "expert", "analyst": "expert",
    "foreign government": "foreign_government", "foreign_government": "foreign_government",
    "eyewitness": "eyewitness", "witness": "eyewitness", "resident": "eyewitness",
    "unnamed": "unnamed", "unnamed source": "unnamed", "anonymous": "unnamed",
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
    "an observer": ("monitor", "This copy says \"an observer\"; AFP's own copies say \"a monitor said\". "
                    "Read on: which organisation in the story watches the war and says who controls "
                    "Aleppo? A source is not unnamed just because a copy hides its name."),
}

#: The kinds of source the classify exercise offers (its widget shows them in plain words).
CLASSIFY_KINDS = ("official", "state_media", "military", "monitor", "expert", "foreign_government",
                  "eyewitness", "unnamed")


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
                        "Choose a kind of source for each speaker (in a notebook, fill in one answer per "
                        "speaker in the code cell).", ex)
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


def _doubt_feedback(answer: object, ex: str, who: str) -> Feedback:
    """A verb that keeps a distance from ``who``'s claim: shared by the drills on each side's claims."""
    from kit.attribution import cue_signals
    from kit.core.nlp import parse

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
                      "true. \"Confirmed\" does the opposite: it presents the claim as settled, though a verb "
                      "alone never makes a claim true or false.", ex)
    if signal == "neutral":
        return hint(f"\"{word}\" is neutral: it neither trusts nor doubts. Look for a verb that "
                    f"makes you wonder whether {who} is telling the truth.", ex)
    if signal == "endorsing":
        return hint(f"\"{word}\" presents the claim as settled (the writer's choice, not a proof). "
                    "Which verb would make a reader doubt it?", ex)
    if signal:
        return hint(f"\"{word}\" signals something else ({signal}). Which verb tells the reader "
                    "the claim might not be true?", ex)
    return hint(f"The kit does not know \"{word}\" as a verb of saying. Try one from the verb "
                "table above.", ex)


@exercise("attribution_doubt_verb")
def attribution_doubt_verb(answer: object) -> Feedback:
    """02_attribution: a verb to replace "confirmed" that keeps a distance (shows doubt).

    >>> attribution_doubt_verb("claimed").passed
    True
    >>> print(attribution_doubt_verb("said"))
    Not yet. "said" is neutral...
    """
    return _doubt_feedback(answer, "attribution_doubt_verb", "the army")


@exercise("attribution_doubt_monitor")
def attribution_doubt_monitor(answer: object) -> Feedback:
    """02_attribution: the same distance from the monitor's claim about the rebels' advance.

    >>> attribution_doubt_monitor("claimed").passed
    True
    >>> attribution_doubt_monitor("confirmed").passed
    False
    """
    return _doubt_feedback(answer, "attribution_doubt_monitor", "the monitor")


#: 02_attribution exercise 3: the steps of the chain behind the strike on the "gathering of commanders".
ATTRIBUTION_CHAIN = {
    "A": "AFP, a news agency, writes the story",
    "B": "the Syrian army writes a statement",
    "C": "SANA, the Syrian state news agency, publishes the statement",
    "D": "a website republishes the story, reworded through translation: the copy you read",
}
_CHAIN_ORDER = ["B", "C", "A", "D"]


@checker("attribution_chain")
def attribution_chain(answer: object) -> Feedback:
    """02_attribution: put the steps of ``ATTRIBUTION_CHAIN`` in order, first step first.

    >>> attribution_chain(["B", "C", "A", "D"]).passed
    True
    >>> print(attribution_chain(["C", "B", "A", "D"]))
    Not yet. Step 1 is not right...
    """
    ex = "attribution_chain"
    if isinstance(answer, str):
        answer = [p for p in re.split(r"[\s,>-]+", answer[:200]) if p]
        if len(answer) == 1 and re.fullmatch(r"[a-dA-D]{4}", answer[0]):
            answer = list(answer[0])  # "BCAD": four letters written together
    if not isinstance(answer, (list, tuple)):
        return hint("Give the four letters in order, first step first: for example A, B, C, D.", ex)
    given = [norm(x).upper() for x in answer[:10]]
    if sorted(given) != sorted(_CHAIN_ORDER):
        return hint("Use each letter A, B, C and D once: one step in each place.", ex)
    for n, (g, c) in enumerate(zip(given, _CHAIN_ORDER), start=1):
        if g != c:
            tips = {
                1: "Who first made the claim? Read the words right after \"according to\".",
                2: "Who published the claim before AFP could read it?",
                3: "Which step could only happen once the statement was public?",
                4: "The version you read is the last step.",
            }
            return hint(f"Step {n} is not right. {tips[n]} (Who says so?)", ex)
    return passed("Army -> SANA -> AFP -> republisher. Four links, and nobody in the chain "
                  "saw the strike for you. Each link can change, cut or mistranslate a claim: the "
                  "last one dropped the quote marks AFP put around the army's words.", ex)


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


@checker("attribution_second_source")
def attribution_second_source(answer: object) -> Feedback:
    """02_attribution: the letters of the claims in ``ATTRIBUTION_CLAIMS`` that need a second source.

    >>> attribution_second_source({"A", "B", "D"}).passed
    True
    >>> print(attribution_second_source({"A", "B"}))
    Not yet. Look again at D...
    """
    ex = "attribution_second_source"
    if isinstance(answer, str):
        answer = [p for p in re.split(r"[\s,;]+", answer[:200]) if p]
    if not isinstance(answer, (list, tuple, set, frozenset)):
        return hint("Give a set of letters, like {\"A\", \"C\"}.", ex)
    given = {norm(x).upper() for x in list(answer)[:10]}
    tips = {
        "A": "A has no source in this copy (AFP's copies begin it \"It said\": the observatory), "
             "and it is about deaths. Is one monitor's count enough?",
        "B": "B comes from one side of the war, about its own strikes. Would it say if it hit civilians?",
        "C": "C is a public trip by a minister: easy to check and nobody disputes it.",
        "D": "D is one monitor's count of a war's dead. Is one count enough for a figure like that?",
        "E": "E is a public statement by four governments: you can read it yourself.",
    }
    for letter in sorted(_NEEDS_SECOND - given):
        return hint(f"Look again at {letter}. {tips[letter]} (Who says so?)", ex)
    for letter in sorted(given - _NEEDS_SECOND):
        return hint(f"Look again at {letter}. {tips.get(letter, 'Use the letters A to E.')}", ex)
    return passed("A has no source here (AFP's copies give the observatory), B comes from one side, "
                  "D is one count of the dead. "
                  "C and E are public and easy to check. A careful reporter looks for a "
                  "second source where a claim is contested and hard to see.", ex)
