"""Numbers exercises (notebook 03): checkers that teach with a hint."""

from __future__ import annotations

import re

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


def one_number(answer):
    """The number a typed answer gives: a plain number, the one number in a few words ("351 people",
    "at most 351"), or the result after "=" ("412 - 61 = 351"). None when there is none or several.

    >>> one_number("at most 351"), one_number("412 - 61 = 351"), one_number("412 or 61"), one_number(61)
    (351.0, 351.0, None, 61)
    """
    value = as_number(answer)
    if value is not None or not isinstance(answer, str):
        return value
    text = answer[:200].replace(",", "")
    text = text.rsplit("=", 1)[-1]
    found = set(re.findall(r"\d+(?:\.\d+)?", text))
    return float(found.pop()) if len(found) == 1 else None


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
    n = one_number(answer)
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
    right = any(w in given for w in ("sana", "military", "army", "news agency", "state media", "government"))
    if right and ("observatory" in given or " or " in f" {given} "):
        return hint("Name one source, the one the sentence gives: read it to its end, \u201caccording "
                    "to...\u201d. (Who says so?)", ex)
    if right:
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


# ------------------------------------------------ same event, different numbers (real sources)

@exercise("numbers_saydnaya")
def numbers_saydnaya(low: object, high: object) -> Feedback:
    """03_numbers: Amnesty's estimate of the people hanged at Saydnaya, 2011-2015, as a range.

    >>> numbers_saydnaya(5000, 13000).passed
    True
    >>> numbers_saydnaya(13000, 13000).message.startswith("Not yet. 13,000 is the top")
    True
    """
    ex = "numbers_saydnaya"
    if low is ... or high is ...:
        return Feedback(False, NOT_ANSWERED, ex)
    lo, hi = as_number(low), as_number(high)
    if not isinstance(lo, (int, float)) or not isinstance(hi, (int, float)):
        return hint("Give two numbers, the lowest and the highest of Amnesty's estimate.", ex)
    if (lo, hi) == (5000, 13000):
        return passed("Amnesty estimated 5,000 to 13,000: a wide range, because nobody outside the "
                      "prison could count. \"Up to 13,000\" and \"as many as 13,000\" keep only the top "
                      "end; \"more than 13,000\" goes past what Amnesty claimed.", ex)
    if lo == hi == 13000:
        return hint("13,000 is the top of Amnesty's range, the number most headlines kept. Read the "
                    "ABC sentence again: what is the lowest number it gives?", ex)
    if lo == 0:
        return hint("\"Up to 13,000\" alone would allow 0, but Amnesty's report gives a lower end too. "
                    "Which report quotes it?", ex)
    if lo > hi:
        return hint("Your lowest number is bigger than your highest. Swap them?", ex)
    return hint("Look for the report that gives two numbers with \"between ... and ...\". "
                "(What do the numbers really claim?)", ex)


@exercise("numbers_saydnaya_claim")
def numbers_saydnaya_claim(answer: object) -> Feedback:
    """03_numbers: which wording claims MORE than Amnesty's estimate of 5,000 to 13,000?

    >>> numbers_saydnaya_claim("more than 13,000").passed
    True
    """
    return choice(
        answer, {"more than 13,000", "more than 13000", "c"},
        {"up to 13,000": "\"Up to\" stops at 13,000: it hides the low end, but it does not go past "
                         "Amnesty's top. Which wording goes above 13,000?",
         "as many as 13,000": "\"As many as\" is the top end again: it leaves out 5,000, but claims "
                              "nothing above 13,000.",
         "between 5,000 and 13,000": "That is Amnesty's own range: it claims exactly what Amnesty "
                                     "estimated, no more."},
        exercise="numbers_saydnaya_claim",
        success="\"More than 13,000\" (in one summary of a video report) claims more than Amnesty "
                "estimated: the upper end became a lower end. \"Up to\" and \"as many as\" keep only the "
                "top. Each small word changes the claim: check it against the source.",
        default_hint="Compare each wording with Amnesty's range, 5,000 to 13,000. Which one allows a "
                     "number above 13,000?",
    )


@exercise("numbers_tolls")
def numbers_tolls(answer: object) -> Feedback:
    """03_numbers: three tolls for the March 2025 coastal killings; what can a careful reader say?

    >>> numbers_tolls("c").passed
    True
    >>> numbers_tolls("a").passed
    False
    """
    return choice(
        answer, {"c"},
        {"a": "1,426 is precise, but precise is not the same as right. Who counted it? The government's "
              "own committee, about killings in which its forces are accused. Ask of it what you ask of "
              "every count: who counted, how could they know, what might they want?",
         "b": "A higher count is not by itself an exaggeration, nor is a lower one by itself honest. "
              "The Observatory, the UN inquiry and the committee counted in different ways and at "
              "different times. Would you say the same if the numbers were the other way round?",
         "d": "The UN inquiry's \"about 1,400\" is a rounded figure from interviews; it is not a "
              "referee's final score. Who counted, and how?"},
        exercise="numbers_tolls",
        success="Every count says at least about 1,400 people died, and each comes from someone with "
                "a method and a stake: a government committee, a UN inquiry, a monitor abroad. The "
                "careful sentence names each source and its figure, and the date of the count.",
        default_hint="Compare what the three counts have in common, and ask of each: who counted, "
                     "how, and when? (Who says so? What do the numbers really claim?)",
    )


@exercise("numbers_listing")
def numbers_listing(at_story: object, in_march_2026: object) -> Feedback:
    """03_numbers: was HTS on the UN sanctions list on 2 December 2024? On 1 March 2026?

    >>> numbers_listing("yes", "no").passed
    True
    >>> numbers_listing("yes", "yes").passed
    False
    """
    ex = "numbers_listing"
    if at_story is ... or in_march_2026 is ...:
        return Feedback(False, NOT_ANSWERED, ex)
    first, second = norm(str(at_story)[:100]), norm(str(in_march_2026)[:100])  # yes or no; cut an essay
    yes, no = {"yes", "y", "true", "listed"}, {"no", "n", "false", "not listed"}
    if not {first, second} <= yes | no:
        return hint("Answer each date with yes or no.", ex)
    if first in yes and second in no:
        return passed("Listed from May 2014 (as al-Nusrah Front; HTS added as an alias in 2018) until "
                      "27 February 2026. \"Which the UN lists as a terrorist group\" was true when the "
                      "story was written and is not now: date every designation you quote.", ex)
    if first in no:
        return hint("Find 2 December 2024 on the timeline. Which listings had started, and which had "
                    "ended, by then?", ex)
    return hint("Read the timeline to its last line. What did the UN committee do in February 2026?", ex)
