"""Which findings of an article become lesson questions, and whether a student can game them (issue 27).

Every sentence here was written for these tests (invented people and places). Each test states a
PATTERN of English news that made a generated question wrong, ambiguous or guessable on real
articles, and checks the rule on sentences that show it.
"""

from __future__ import annotations

import json
import re

import pytest

from kit.classroom.lesson import Lesson
from kit.teacher.lesson_export import NOBODY, student_data
from kit.teacher.lesson_key import build_key

STORY = """Storm closes the port of Velm
VELM - A convoy of aid trucks was attacked by armed men near the bridge on Friday, the regional governor, Ida Sorn, said.
Shops were looted and two warehouses were burned overnight, police said. Ten of the convoy’s trucks were damaged.
The harbour company said the port would stay shut until Monday. A spokesman for the city council, Piet Arno, said 40 people had been moved to a school.
The council approved a USD 2.5 million repair plan. The so-called Velm Accord on shipping was signed in 2019.
"""


@pytest.fixture(scope="module")
def key():
    return build_key(STORY, title="Storm")


def test_a_passive_that_names_its_doer_asks_for_the_doer(key):
    """Not every passive question has the answer "the sentence does not say"."""
    named = [it for it in key.items if it.kind == "passive" and it.answer.get("agent")]
    assert named and named[0].answer["agent"] == "armed men"
    assert "by" not in named[0].quote.split()  # the quote stops at the verb: the student reads on
    lesson = Lesson(student_data(key, lesson_id="storm", salt="x"))
    qid = named[0].id
    assert lesson.check(qid, "armed men", save=False).passed
    assert not lesson.check(qid, NOBODY[1], save=False).passed
    hidden = [it for it in key.items if it.kind == "passive" and not it.answer.get("agent")]
    assert hidden and all(lesson.check(it.id, NOBODY[1], save=False).passed for it in hidden)


def test_every_passive_question_has_distractors(key):
    data = student_data(key, lesson_id="storm", salt="x")
    for it in (i for i in data["items"] if i["kind"] == "passive"):
        assert len(it["options"]) >= 3, it  # never the one option "The sentence does not say"


def test_a_source_that_only_points_back_is_no_question(key):
    """"The harbour company said": the company is named nowhere else; "the company" alone would
    make the company and its name both right. Here the speaker is "The harbour company" (kept);
    a bare "the company" is not."""
    text = STORY.replace("The harbour company said", "The company said")
    speakers = [it.answer["speaker"].lower() for it in build_key(text).items if it.kind == "source"]
    assert "the company" not in speakers


def test_one_option_per_source_and_only_one_is_right(key):
    data = student_data(key, lesson_id="storm", salt="x")
    for it in (i for i in data["items"] if i["kind"] == "source"):
        heads = [re.findall(r"[\w'-]+", o[0].split(",")[0].lower())[-1] for o in it["options_speaker"]]
        assert len(heads) == len(set(heads)), it["options_speaker"]
        assert len(it["accept_speaker"]) == 1
        assert not any(o[0].isupper() and len(o[0]) > 4 for o in it["options_speaker"])  # no dateline "VELM"


def test_money_and_marked_names_are_no_questions(key):
    quotes = " | ".join(it.quote for it in key.items)
    assert "2.5 million" not in quotes  # money after "USD": not a count
    assert not [it for it in key.items if it.kind == "label" and it.answer["label"] == "so-called"]


def test_a_figure_is_quoted_with_the_noun_it_counts(key):
    ten = [it for it in key.items if it.kind == "interval" and it.quote.startswith("Ten of")]
    assert ten and ten[0].quote == "Ten of the convoy’s trucks" and ten[0].answer["low"] == 10


def test_prompts_are_readable():
    text = ('Nine people were hurt, said Sgt. Lea Moor, a police spokeswoman. At least 30 houses were destroyed '
            'in the fire, she said. Residents said the road was "not safe," a local official said.\n') * 2
    for it in build_key(text).items:
        assert it.prompt.count("\u201c") == it.prompt.count("\u201d") and it.prompt.count('"') % 2 == 0, it.prompt
        if it.kind == "passive":
            assert "Moor" not in it.quote, it.quote  # a clause never starts in the sentence before it


def test_the_student_file_does_not_tell_which_answers_are_exact_or_named(key):
    text = json.dumps(student_data(key, lesson_id="storm", salt="x"))
    assert '"hedged"' not in text and "armed men" not in text.split('"text"')[0]
    for it in json.loads(text)["items"]:
        assert set(it) <= {"id", "lens", "kind", "prompt", "start_char", "end_char", "difficulty", "quote",
                           "options", "options_speaker", "options_type", "accept", "accept_speaker", "accept_type",
                           "accept_low", "accept_high"}


def test_big_numbers_can_be_typed_in_words():
    from kit.classroom.lesson import _number

    assert _number("1.2 million") == _number("1,200,000") == "1200000"
    assert _number("3 thousand") == "3000"


def test_another_language_gives_no_question_and_says_why(tmp_path):
    """"Au moins 14 personnes" is "at least 14": an English reading would key it as exactly 14."""
    from kit.core.errors import InputError
    from kit.teacher import lesson as cmd

    text = "Au moins 14 personnes ont été tuées mardi dans des inondations, selon les autorités de la région. " * 8
    assert not build_key(text).items
    src = tmp_path / "article.txt"
    src.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="English"):
        cmd.run(cmd.build_args([str(src), "-o", str(tmp_path / "out")]))


def test_a_repeated_paragraph_is_asked_about_once():
    para = "Police said at least 12 people were arrested in the square on Sunday night.\n"
    quotes = [it.quote for it in build_key(para * 4).items if it.kind == "interval"]
    assert quotes == ["at least 12 people"]


def test_a_page_that_cannot_be_fetched_says_how_to_use_a_saved_copy(monkeypatch):
    from kit.compare import trace
    from kit.core.errors import InputError
    from kit.teacher.lesson import load_source

    def offline(url, **_):
        raise InputError("Could not fetch this page (offline). Use the excerpts bundled with the lesson.")

    monkeypatch.setattr(trace, "fetch_text", offline)
    with pytest.raises(InputError, match="python -m kit lesson saved-page.html") as err:
        load_source("https://example.org/story")
    assert "excerpts bundled" not in str(err.value)


def test_requests_hopes_and_one_of_are_no_questions():
    text = ("Rescuers demanded quiet from the crowd so they could hear calls for help. "
            "\"We hope some will still be found,\" said Aro Vint, one of dozens of volunteers at the site. "
            "Officials said 12 people were rescued on Tuesday.\n")
    key = build_key(text)
    assert not [it for it in key.items if it.kind == "source" and it.answer["speaker"] == "Rescuers"]
    assert not [it for it in key.items if it.kind == "passive" and "will" in it.quote]
    assert not [it for it in key.items if it.kind == "interval" and it.quote.lower().startswith("one of")]
    assert [it for it in key.items if it.kind == "interval" and it.answer["low"] == 12]  # the rules leave the rest


def test_a_figure_inside_a_claim_is_shown_on_the_page(key):
    """Question numbers of a figure inside a claim's words are on the claim's mark, never lost."""
    from kit.teacher.lesson_export import page_html

    lesson = Lesson(student_data(key, lesson_id="storm", salt="x"))
    article, handout = lesson.article_html(), page_html(key, teacher=False)
    for it in key.items:
        n = it.id[1:]
        assert re.search(rf"questions? (\d+, )*{n}\b", article), n
        assert re.search(rf"\[(\d+, )*{n}[\],]", handout), n


def test_the_handout_offers_the_notebook_choices_and_the_key_page_writes_numbers_plainly(key):
    from kit.teacher.lesson_export import answer_words, page_html
    from kit.teacher.lesson_key import KeyItem

    handout = page_html(key, teacher=False)
    assert "What kind (circle one)" in handout and "The sentence does not say" in handout and "Lowest:" in handout
    teacher = page_html(key, teacher=True)  # the teacher sees the choices too, to spot a second right one
    assert teacher.count("Who (circle one)") == len([i for i in key.items if i.kind == "source"])
    from kit.teacher.lesson_review import ItemRow

    row = ItemRow(key, next(i for i in key.items if i.kind == "source"))
    assert "Students choose from" in row.children[0].value
    big = KeyItem("q1", "numbers", "interval", "", 0, 1, {"low": 300000, "high": None, "hedge": "more than"}, 0.9)
    assert answer_words(big).startswith("300,000 or more")


def test_the_title_is_the_headline_not_the_file_name(tmp_path):
    from kit.teacher.lesson import make_key

    src = tmp_path / "story-0412.txt"
    src.write_text(STORY, encoding="utf-8")
    assert make_key(str(src)).title == "Storm closes the port of Velm"
    src.write_text("Police said 40 people were arrested. " + STORY, encoding="utf-8")  # no headline line
    assert make_key(str(src)).title == "story-0412"


def test_the_review_can_name_or_clear_the_doer_of_a_passive(key, tmp_path):
    from kit.teacher.lesson_export import write_lesson
    from kit.teacher.lesson_review import ItemRow, reviewed_key

    rows = [ItemRow(key, it) for it in key.items]
    hidden = next(r for r in rows if r.item.kind == "passive" and not r.item.answer.get("agent"))
    named = next(r for r in rows if r.item.kind == "passive" and r.item.answer.get("agent"))
    hidden.fields["agent"].value = "looters"  # the teacher reads it differently
    named.fields["agent"].value = " "  # and clears the other one
    new = {it.quote: it for it in reviewed_key(key, rows).items}
    assert new[hidden.item.quote].answer == {"passive": True, "agent": "looters"}
    assert new[named.item.quote].answer == {"passive": True} and new[named.item.quote].confidence == 1.0
    write_lesson(reviewed_key(key, rows), tmp_path)
    lesson = Lesson.load(tmp_path / "student" / "lesson.json")
    qid = new[hidden.item.quote].id
    assert lesson.check(qid, "looters", save=False).passed and not lesson.check(qid, NOBODY[1], save=False).passed


def test_a_third_wrong_choice_says_tries_are_seen(key):
    lesson = Lesson(student_data(key, lesson_id="storm", salt="x"))
    label = next(it for it in key.items if it.kind == "passive")
    wrong = "somebody else"
    messages = [lesson.check(label.id, wrong, save=False).message for _ in range(3)]
    assert "try" not in messages[0].lower() and "try 3" in messages[2]


def test_an_accident_named_in_the_sentence_is_no_hidden_doer():
    text = ("At least 20 passengers were injured in the collision near Dorn, police said. "
            "Three shops were burned in an attack on the market, witnesses said.\n")
    quotes = [it.quote for it in build_key(text).items if it.kind == "passive"]
    assert not [q for q in quotes if "injured" in q]  # the collision did it: no one is hidden
    assert [q for q in quotes if "burned" in q]  # an attack still hides whose it was


def test_a_speaker_that_points_back_is_never_a_choice():
    """"The agency's chair said" names the same person as "Board Chair Ana Tull": never both as options."""
    text = ("Ana Tull, chair of the Rail Safety Board, said 16 inspectors would visit the site. "
            "The line will stay shut until Friday, the agency\u2019s chair said. Police said 4 people were hurt.\n")
    key = build_key(text)
    assert not [it for it in key.items if it.kind == "source" and "agency" in it.answer["speaker"]]
    for it in student_data(key, lesson_id="t", salt="x")["items"]:
        assert not [o for o in it.get("options_speaker", []) + it.get("options", []) if "agency\u2019s" in o[0]]


def test_kinds_of_source_are_plain_kinds_only(key):
    data = student_data(key, lesson_id="storm", salt="x")
    kinds = {label for it in data["items"] if it["kind"] == "source" for label, _ in it["options_type"]}
    assert kinds and not kinds & {"NO SOURCE", "who is it? check"}
    assert {"official", "media", "organisation"} <= kinds


def test_an_outlet_typed_as_something_else_is_no_question(monkeypatch):
    """"the province's state news agency reported": if the kit does not type it as media, its name and
    its type disagree, and the kind of source is no question with one right answer."""
    from kit.attribution.records import Attribution
    from kit.teacher.lesson_key import attribution_confidence

    args = ("said", "x", "indirect", "organisation", 0, 1, 0, 6, 7, 11, 12, 13)
    assert attribution_confidence(Attribution("the province's state news agency", *args)) < 0.8
    assert attribution_confidence(Attribution("the Velm harbour company", *args)) >= 0.8
    media = ("said", "x", "indirect", "media") + args[4:]
    assert attribution_confidence(Attribution("local media", *media)) >= 0.8


def test_at_most_one_neutral_word_is_asked_about():
    text = ("The government said the army had secured the port. Government officials said the militants "
            "had fled, and the government's army said 30 militants were arrested by soldiers.\n") * 2
    labels = [it for it in build_key(text).items if it.kind == "label"]
    assert sum(it.answer["stance"] == "neutral" for it in labels) <= 1


def test_a_figure_half_right_says_which_half():
    from kit.teacher.lesson_key import KeyItem, LessonKey

    key = LessonKey(text="x", items=(KeyItem("q1", "numbers", "interval", "p", 0, 1,
                                             {"low": 14, "high": None, "hedge": "at least"}, 0.9),))
    lesson = Lesson(student_data(key, lesson_id="t"))
    assert lesson.check("q1", ("14", "14"), save=False).message.startswith("Not yet: the lowest number is right")
    assert lesson.check("q1", ("13", ""), save=False).message.startswith("Not yet: the highest is right (empty")
    assert lesson.check("q1", ("13", "20"), save=False).message.startswith("Not yet. ")
    assert lesson.check("q1", ("14", ""), save=False).passed


def test_what_someone_will_say_is_no_claim_of_theirs_yet():
    text = ("Health Minister Ana Vo will tell lawmakers on Monday that 40 schools must close, her office said. "
            "Mayor Ida Rusk said the plan was unfair.\n")
    speakers = [it.answer["speaker"] for it in build_key(text).items if it.kind == "source"]
    assert "Health Minister Ana Vo" not in speakers and "Mayor Ida Rusk" in speakers


# ---------------------------------------------------------------- options a test-wise student cannot read (red team)

FLOOD = """Floods cut the road to Marnie
Volunteers from the Orsa Red Cross carried food to the village of Marnie on Tuesday. Farmers said the river rose overnight in Kessel.
Two bridges were destroyed near Marnie, the mayor, Leo Brandt, told reporters. Army engineers built a temporary crossing.
Union leader Tom Eske said the factory workers had been evacuated. The Orsa Water Board blamed a broken dam.
"""


def _choice_items(text: str):
    key = build_key(text)
    data = student_data(key, lesson_id="t", salt="x")
    return key, [i for i in data["items"] if i["kind"] in ("passive", "source")]


@pytest.mark.parametrize("text", [STORY, FLOOD])
def test_every_option_is_written_the_same_way(text):
    """"Never pick the lower-case option": all options start with a capital, none with "The " but
    "The sentence does not say", and no option shows a name with its role (a long odd one out)."""
    for it in _choice_items(text)[1]:
        shown = [o[0] for o in it.get("options_speaker", it.get("options"))]
        assert all(s[:1].isupper() for s in shown), shown
        assert not [s for s in shown if s.startswith("The ") and s != NOBODY[0]], shown
        assert not [s for s in shown if "," in s], shown


def test_a_hidden_doer_question_offers_actors_that_are_not_speakers():
    """"Never pick a speaker" must not win: wrong options include people or groups who act in the
    article ("Army engineers built ..."), not only those who speak; the doer named by "by" is no
    longer the one odd option, and "The sentence does not say" sits among the others."""
    key, items = _choice_items(STORY)
    speakers = {it.answer["speaker"].lower() for it in key.items if it.kind == "source"}
    passives = [i for i in items if i["kind"] == "passive"]
    assert passives
    for it in passives:
        wrong = [value for _, value in it["options"] if value != "nobody"]
        assert [w for w in wrong if w.lower() not in speakers], it["options"]
        assert NOBODY[1] in [value for _, value in it["options"]]


def test_source_options_come_from_near_the_sentence_and_are_no_places():
    """A wrong speaker is named in or next to the question's sentence, so the right one is not the
    only name there; places ("Marnie", "Kessel") are never offered when people and groups are."""
    key, items = _choice_items(FLOOD)
    sources = [i for i in items if i["kind"] == "source"]
    assert sources
    for it in sources:
        shown = [o[0] for o in it["options_speaker"]]
        assert "Kessel" not in shown and len(shown) >= 4, shown
        around = key.text[max(0, it["start_char"] - 200):it["end_char"] + 200]
        wrong = [v for _, v in it["options_speaker"] if v != next(k.answer["speaker"] for k in key.items if k.id == it["id"])]
        assert [w for w in wrong if w in around], (shown, around)


def test_wrong_speakers_change_from_question_to_question():
    """The same wrong options on every question make a new option the key: they must differ."""
    key, items = _choice_items(FLOOD)
    sets = [frozenset(v for _, v in i["options_speaker"]) - {k.answer["speaker"] for k in key.items if k.id == i["id"]}
            for i in items if i["kind"] == "source"]
    assert len(sets) >= 2 and len(set(sets)) == len(sets), sets


def test_a_key_is_no_new_name_and_shows_no_role():
    """Each right speaker is offered in another source question too (so "the name I have not seen
    yet" does not win), and a speaker with a title shows as the name alone, like the other options."""
    key, items = _choice_items(FLOOD.replace("Union leader Tom Eske said", "Union spokesman Tom Eske said"))
    sources = [i for i in items if i["kind"] == "source"]
    right = {i["id"]: next(k.answer["speaker"] for k in key.items if k.id == i["id"]) for i in sources}
    assert len(sources) >= 2
    for it in sources:
        elsewhere = [o for other in sources if other is not it for o in other["options_speaker"] if o[1] == right[it["id"]]]
        assert elsewhere, (right[it["id"]], [o["options_speaker"] for o in sources])
    shown = {o[1]: o[0] for it in sources for o in it["options_speaker"]}
    assert shown.get("Union spokesman Tom Eske") == "Tom Eske", shown


def test_title_case_headline_words_are_no_options():
    """"Harbour Strike Hits Velm Port": headline capitals name no actor, so none becomes an option."""
    text = "Harbour Strike Hits Velm Port Again\n" + FLOOD.split("\n", 1)[1]
    for it in _choice_items(text)[1]:
        shown = " ".join(o[0] for o in it.get("options_speaker", it.get("options")))
        assert "Strike" not in shown and "Velm Port" not in shown, shown


def test_source_feedback_reveals_no_more_than_the_speaker():
    """After a right speaker, "The source is right" may lead a student through the kinds one by
    one; nothing else leaks: a wrong speaker gets the same words whether the kind is right or not,
    and a wrong kind's message names no kind of source and is the same for every wrong kind."""
    from kit.attribution.records import SOURCE_LABELS

    key = build_key(STORY)
    data = student_data(key, lesson_id="storm", salt="x")
    lesson = Lesson(data)
    item = next(it for it in key.items if it.kind == "source")
    right, kind = item.answer["speaker"], item.answer["source_type"]
    asked = next(i for i in data["items"] if i["id"] == item.id)
    other = next(o[1] for o in asked["options_speaker"] if o[1] != right)
    wrong_kinds = [t for t in SOURCE_LABELS if t not in (kind, "unattributed", "unsure")]
    said = lambda answer: lesson.check(item.id, answer, save=False).message.split("\n\n")[0]  # noqa: E731 (no try count)
    assert said((other, kind)) == said((other, wrong_kinds[0]))
    messages = {said((right, t)) for t in wrong_kinds}
    assert len(messages) == 1 and "The source is right" in messages.pop()
    shown = said((right, wrong_kinds[0])).lower()
    assert not [label for t, label in SOURCE_LABELS.items() if t not in ("unattributed", "unsure") and label.lower() in shown]
