"""Framing exercises (notebook 01): checkers that teach with a hint."""

from __future__ import annotations

import re

from kit.classroom.answers import exercise
from kit.classroom.checking import checker
from kit.classroom.feedback import QUESTIONS, Feedback, choice, hint, is_blank, norm, passed
from kit.core.glossary import plain_label

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
        success="\"Regime forces\" makes the army the tool of an illegitimate ruler. But whose word is "
                "it? AFP quoted it from Rami Abdel Rahman, head of the Syrian Observatory for Human "
                "Rights; the copy you read moved his words to the top and dropped his name and the quote "
                "marks, so it looks like the journalist's. AFP's own word is \"government forces\".",
        default_hint=f"Read the line after \"BIG LOSS:\" again. Whose troops are named, and with what word? ({_FRAMING_Q})",
    )


_GOV_SIDE = {"regime forces", "government forces", "army", "syrian regime forces", "syrian government forces"}


@checker("framing_same_side")
def framing_same_side(answer: object) -> Feedback:
    """01_framing: list the three names the article uses for the government's troops."""
    ex = "framing_same_side"
    items = _as_items(answer)
    if items is None:
        return hint("Give the three names, not one: tick three boxes (in a notebook, a list of three names).", ex)
    given = {_drop_article(i) for i in items}
    wrong = sorted(g for g in given if g not in _GOV_SIDE)
    if wrong:
        return hint(f"{', '.join(wrong)}: does that name the government's side? Keep only names for the "
                    f"government's troops. ({_FRAMING_Q})", ex)
    kinds = {g.replace("syrian ", "") for g in given}
    missing = {"regime forces", "government forces", "army"} - kinds
    if missing:
        have = 3 - len(missing)
        where = ("find the paragraph that begins \"The army strengthened...\"" if missing == {"army"}
                 else "look at the first two paragraphs again" + (", and at the one that begins \"The army "
                                                                   "strengthened...\"" if "army" in missing else ""))
        more = "One more" if len(missing) == 1 else f"{len(missing)} more"
        return hint(f"You have {have} of 3. {more}: {where}.", ex)
    return passed("Three names, one side: \"regime forces\" (against), \"government forces\" (neutral), "
                  "\"the army\" (sounds official). Same troops, three framings, and two speakers: "
                  "\"regime forces\" is the monitor's word, quoted by AFP (this copy lost the quote "
                  "marks); the other two are the journalist's.", ex)


_FUNCTION_WORDS = frozenset("a an the was were is are be been being had has have to of in on at and by".split())


def _enough_of(given: str, clause: str) -> bool:
    """Does a copied part of ``clause`` say something: two words or more, one of them not a small word?

    >>> _enough_of("were", "vehicles were set on fire"), _enough_of("were set", "vehicles were set on fire")
    (False, True)
    """
    words = re.findall(r"[a-z0-9'-]+", given)
    return len(words) >= 2 and any(w not in _FUNCTION_WORDS for w in words)


@checker("framing_hidden_actor")
def framing_hidden_actor(answer: object) -> Feedback:
    """01_framing: copy a clause from the article that hides who did something."""
    from kit.core.nlp import parse
    from kit.core.text import load_article
    from kit.framing import find_passives

    ex = "framing_hidden_actor"
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
    overlap = [p for p in hidden if norm(p.text) in given or (given in norm(p.text) and _enough_of(given, p.text))]
    if overlap:
        return passed(f"\"{overlap[0].text}\" does not say who did it. Who did it? The article does not "
                      "tell us: a careful reader notices the gap.", ex)
    if hidden:
        return hint("This sentence does hide a doer, but in other words. Which verb in it has nobody "
                    "doing it? Copy that clause.", ex)
    return hint("In this part, the doer is named (it is the subject of the verb). Find a clause like "
                "\"X was done\" or \"bodies lay\", where nobody is said to have done it.", ex)


#: Neutral names for the group that took the town (a loaded one is caught before, by the kit's labels).
_NEUTRAL_DOERS = frozenset("fighters fighter gunmen gunman group groups armed".split())


def _has_verb(text: str) -> bool:
    """Does the sentence have a verb (spaCy), so it says what happened?

    >>> _has_verb("Fighters took the town."), _has_verb("Rebels town.")
    (True, False)
    """
    from kit.core.nlp import parse

    return any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in parse(text))


@checker("framing_neutral_rewrite")
def framing_neutral_rewrite(answer: object) -> Feedback:
    """01_framing: rewrite "Freedom fighters liberated the town." as a neutral wire would."""
    from kit.core.nlp import parse
    from kit.framing import find_labels

    ex = "framing_neutral_rewrite"
    if len(str(answer)) > 500:
        return hint("Write one short sentence: the same facts, in neutral words.", ex)
    labels = find_labels(parse(str(answer)))
    loaded = [l for l in labels if l.stance != "neutral"]
    if loaded:
        l = loaded[0]
        return hint(f"\"{l.text}\" still takes a side: it {plain_label(l.stance)}. What would a wire agency write?"
                    + (f" Try \"{l.neutral}\"." if l.neutral else ""), ex)
    words = set(re.findall(r"[a-z]+", norm(answer)))
    if not (words & {"town", "city", "village"}):
        return hint("Keep the facts: the sentence is about a town. Change only the words that take a side.", ex)
    if not [l for l in labels if l.actor == "opposition"] and not (words & _NEUTRAL_DOERS):
        return hint("Say who took the town, with a neutral name for them. (Who is named how?)", ex)
    if words & {"not", "never", "didn", "failed"} or "n't" in norm(answer):
        return hint("Keep the facts: the fighters did take the town. Change only the words that take a "
                    "side, not what happened.", ex)
    if not _has_verb(str(answer)):
        return hint("Write a whole sentence: who did what to the town? Your sentence needs a verb, "
                    "such as \"took\" or \"captured\".", ex)
    return passed("Neutral wording says what happened (who took the town) without judging it.", ex)
