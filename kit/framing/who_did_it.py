"""Checking a student's answer to "who did it?" for a clause found by :func:`find_passives`.

>>> from kit.core.nlp import parse
>>> judge_who_did_it(find_passives(parse("Cars were burned."))[0], "nobody")[0]
True
"""

from __future__ import annotations

import re

from kit.core.nlp import parse  # noqa: F401  (doctests)
from kit.framing.passives import Passive, find_passives, load_passive_words  # noqa: F401

#: What a student may answer when the text does not say who did it.
NOT_SAID = ("not say", "doesn't say", "does not say", "not said", "can't tell", "cannot tell", "can not tell",
            "don't know", "do not know", "unknown", "not named", "no one knows", "nobody knows", "hidden",
            "not told", "not clear", "unclear", "not mentioned", "no idea")
#: "Nobody": defensible (the clause names nobody), though someone or something did it.
NOBODY = ("nobody", "no one", "noone", "no-one", "no doer", "not anyone")


def judge_who_did_it(passive: Passive, guess: str) -> tuple[bool, str]:
    """Check a student's answer to "who did it?" for one clause: (right?, what to say).

    When the clause names no doer, the right answer is that the text does not say.

    >>> p = find_passives(parse("Cars were burned."))[0]
    >>> judge_who_did_it(p, "the police")[0], judge_who_did_it(p, "It does not say")[0]
    (False, True)
    """
    given = re.sub(r"\s+", " ", str(guess or "")).strip().lower()
    if not given:
        return False, "Type who you think did it, or that the text does not say."
    if passive.agent is None:
        return _judge_hidden(passive, given, str(guess).strip())
    agent_words = {w for w in re.findall(r"\w+", passive.agent.lower()) if w not in {"the", "a", "an", "of"}}
    if agent_words & set(re.findall(r"\w+", given)):
        return True, f'Right: "{passive.agent}" did it; the clause says so with "by".'
    return False, f'Look for the word "by" in "{passive.text}": it names who did it.'


def _judge_hidden(passive: Passive, given: str, guess: str) -> tuple[bool, str]:
    """The answer for a clause that names no doer: "not said" and "nobody" are right (with a
    word on the difference); an event named as the doer ("the fighting") gets a hint, not a "no".

    >>> p = find_passives(parse("Three people were killed in the fighting."))[0]
    >>> judge_who_did_it(p, "nobody")[0], judge_who_did_it(p, "the fighting")[1].startswith("Close")
    (True, True)
    """
    if any(phrase in given for phrase in NOT_SAID):
        return True, ("Right: the text does not say who did it. Ask where you could find out: "
                      "another sentence, another source, a photo caption?")
    if re.fullmatch(r"(it says )?(" + "|".join(NOBODY) + r")\b.*", given):
        return True, ("Right in a way: the sentence names nobody as the doer. But someone or something "
                      "did it: the text just does not say who. Where could you find out?")
    words = [w for w in re.findall(r"[a-z-]+", given) if w not in {"the", "a", "an", "of", "in", "by", "its"}]
    events = {n.split()[-1] for n in load_passive_words()["event_nouns"]}
    if words and (words[-1] in events or words[-1].rstrip("s") in events):
        return False, (f"Close: \u201c{guess}\u201d names what happened, not who made it happen. Who was "
                       "behind it? If the sentence does not say, answer that, or say where else you could find out.")
    return False, (f'The clause "{passive.text}" does not name anyone. Where does "{guess}" come '
                   "from? If from elsewhere in the story, check whether the story really says so.")
