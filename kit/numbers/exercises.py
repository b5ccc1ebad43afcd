"""Numbers exercises (notebook 03): checkers that teach with a hint."""

from __future__ import annotations

from kit.classroom.answers import exercise
from kit.classroom.checking import checker
from kit.classroom.feedback import NOT_ANSWERED, Feedback, choice, hint, norm, passed


def as_number(x):
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
    lo, hi = as_number(low), as_number(high)
    if lo is None or hi is None:
        return hint("Give two numbers, or the word none where there is no limit.", ex)
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
        return hint("Does the sentence give any upper limit for the civilians? If not, the high end is none: write the word none.", ex)
    return hint("Start from the number written in the sentence, and ask whether \"at least\" "
                "moves it up or down.", ex)


@checker("numbers_others")
def numbers_others(answer: object) -> Feedback:
    """03_numbers: if 412 died and at least 61 were civilians, at most how many were not civilians?

    >>> numbers_others(351).passed
    True
    """
    ex = "numbers_others"
    n = as_number(answer)
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
    lo, hi = as_number(low), as_number(high)
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


@checker("numbers_source")
def numbers_source(answer: object) -> Feedback:
    """03_numbers: who gives the figure "dozens of people" killed in the strikes?

    >>> numbers_source("SANA").passed
    True
    """
    ex = "numbers_source"
    given = norm(answer)
    if any(w in given for w in ("sana", "military", "army", "news agency", "state media", "government")):
        return passed("A military statement published by SANA, Syria's official news agency. The army "
                      "that carried out the strikes is the one counting the \"terrorists\" it killed: "
                      "a claim by one side in the war, not a checked fact.", ex)
    if "observatory" in given or set(given.replace(",", " ").split()) & {"sohr", "osdh"}:
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
