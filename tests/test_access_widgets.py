"""Issue 26, items 6-8: every control has a name, meaning never rests on an emoji, glossed
words open with the keyboard and a tap, long words wrap.

The source scan finds every input control built anywhere in ``kit/`` (so a new widget is
checked without being listed here); the browser side is in tests/test_browser.py.
"""

from __future__ import annotations

import ast
import json
import re

import ipywidgets as W

import kit
from conftest import ROOT
from kit.core.glossary import KIT_CSS, glossary_view, term_html
from kit.core.render import legend

#: Controls a screen reader must be able to name (a button is named by its words).
NAMED = {"Textarea", "Text", "IntSlider", "FloatSlider", "IntRangeSlider", "SelectionSlider",
         "Dropdown", "SelectMultiple", "IntText", "FloatText"}


def _unnamed_controls() -> list[str]:
    out = []
    for path in sorted((ROOT / "kit").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in NAMED and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "W"):
                keys = {k.arg for k in node.keywords}
                if not keys & {"description", "aria_label"} and None not in keys:
                    out.append(f"{path.relative_to(ROOT)}:{node.lineno} W.{node.func.attr}")
    return out


def test_the_scan_finds_controls():
    # the scan must see the kit's text boxes at all, or the next test would pass on nothing
    found = [p for p in (ROOT / "kit").rglob("*.py") if "W.Textarea(" in p.read_text(encoding="utf-8")]
    assert len(found) >= 5


def test_every_text_box_and_slider_has_a_name():
    assert _unnamed_controls() == []


def test_a_glossed_legend_chip_opens_with_tab_and_tap():
    out = legend({"delegitimizing": "#f5a3a3", "my own tag": "#ddd"})
    chip = re.search(r'<span class="kit-chip kit-term"[^>]*data-tag="delegitimizing"[^>]*>', out).group(0)
    assert 'tabindex="0"' in chip and 'data-def="' in chip
    plain = re.search(r'<span class="kit-chip"[^>]*data-tag="my own tag"[^>]*>', out).group(0)
    assert "tabindex" not in plain            # nothing to show: no extra Tab stop
    assert out.startswith(KIT_CSS)


def test_the_shared_style_shows_definitions_on_focus_and_a_focus_ring():
    assert ".kit-term[data-def]:focus::after{content:attr(data-def)" in KIT_CSS
    assert ":focus-visible" in KIT_CSS and "outline:3px" in KIT_CSS
    assert "overflow-wrap:anywhere" in KIT_CSS
    assert 'data-def="' in term_html("hedge") and 'tabindex="0"' in term_html("hedge")
    # the glossary at the end of every notebook brings the style (Voila and Lab keep it)
    assert glossary_view()._repr_html_().startswith(KIT_CSS)


def test_the_gradebook_grid_says_passed_and_tried_in_words(tmp_path, capsys):
    from kit.teacher.cli import main as cli

    for name, passed in (("ana", True), ("ben", False)):
        (tmp_path / "class" / name).mkdir(parents=True)
        (tmp_path / "class" / name / "kit_answers.json").write_text(
            json.dumps({"start_observatory": {"answer": "a guess", "passed": passed}}))
    assert cli(["gradebook", str(tmp_path / "class"), "-o", str(tmp_path / "out"), "--templates", ""]) == 0
    page = (tmp_path / "out" / "gradebook.html").read_text(encoding="utf-8")
    no_icons = re.sub(r'<span aria-hidden="true">[^<]*</span>', "", page)
    cells = re.findall(r'<td class="(passed|tried)">\s*([^<]*)', no_icons)
    assert ("passed", "passed") in cells and ("tried", "tried") in cells


def test_the_quiz_key_marks_in_words():
    from kit.classroom.quiz import load_bank
    from kit.classroom.quiz_widgets import key_html

    bank = load_bank("quiz_before")
    first = bank.items[0]
    out = key_html(bank, {first.id: first.answer})
    no_icons = re.sub(r'<span aria-hidden="true">[^<]*</span>', "", out)
    assert "<i>right:</i>" in no_icons and "<i>not answered:</i>" in no_icons


def _legend_is_below_the_bars(fig) -> bool:
    """Drawn, the legend's box lies wholly under the plot area (it cannot cover a bar's count)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [lg.get_window_extent(renderer) for lg in fig.legends]
    plot = fig.axes[0].get_window_extent(renderer)
    return bool(boxes) and all(b.y1 <= plot.y0 for b in boxes)


def test_the_framing_chart_legend_is_outside_the_bars():
    from kit import find_labels, parse
    from kit.framing.charts import framing_labels_chart

    # one side with many labels: its bar runs to the right edge, where the legend used to sit
    text = ("The regime's army shelled the town. Regime troops and regime forces moved in. "
            "Rebels and terrorists answered; the rebels held the bridge.")
    fig = framing_labels_chart(find_labels(parse(text)))
    assert _legend_is_below_the_bars(fig)


def test_the_report_chart_legend_is_outside_the_bars():
    from kit.compare.analysis import analyse
    from kit.teacher.report import labels_figure

    an = analyse("The regime's army shelled the town. Rebels and terrorists answered, the rebels said.")
    fig = labels_figure(an)
    assert fig is not None and _legend_is_below_the_bars(fig)


def test_the_claim_dropdown_cuts_at_words_and_the_toggle_keeps_whole_labels():
    from kit.attribution.widgets import make_source_map

    # a long speaker phrase and a long claim: both cut in the dropdown label, never mid-word
    text = ("Deputy Foreign Minister Annabel Kowalczyk-Brzezinska of the northern coalition said "
            "the ceasefire negotiations would resume in the mountain town next Thursday afternoon.")
    w = make_source_map(text=text)
    mode, pick = w.children[0], w.children[2]
    assert mode.style.button_width == "auto"
    words = set(text.replace(".", " ").split())
    label = pick.options[0][0]
    shown = label.split(". ", 1)[1].replace(":", " ").replace("…", " ").split()
    assert shown and all(word in words for word in shown), label
    assert "…" in label


def _tab_stops(widget) -> list:
    """Controls the Tab key reaches, in order (buttons and inputs that are not tabbable=False)."""
    out = []
    for child in getattr(widget, "children", ()):
        out += _tab_stops(child)
    if isinstance(widget, W.DOMWidget) and not isinstance(widget, (W.Box, W.HTML)) and widget.tabbable is not False:
        out.append(widget)
    return out


def test_the_word_annotator_is_one_tab_stop_with_arrow_keys_inside(tmp_path, monkeypatch):
    from kit.classroom.widgets import make_annotator

    monkeypatch.setenv("KIT_ANSWERS", str(tmp_path / "a.json"))
    text = "Militants stormed the village at dawn, and the army answered with heavy shelling overnight."
    w = make_annotator(text, ["loaded", "neutral"], [], unit="token", exercise="t_keys")
    buttons = w.children[1].children
    assert len(buttons) > 10 and all(b.tabbable is False for b in buttons)
    stops = _tab_stops(w)
    lists = [s for s in stops if isinstance(s, W.SelectMultiple)]
    assert len(lists) == 1 and len(stops) <= 7          # list, tag, 3 buttons, note, save note
    words = lists[0]
    words.value = (0,)                                   # picked with the keyboard ...
    w.children[2].children[1].click()                    # ... and marked
    from kit.classroom.answers import saved
    assert saved("t_keys")[0]["start_char"] == 0 and words.value == ()


def test_every_figure_kind_fits_a_table_cell_whole():
    from kit.numbers import KINDS
    from kit.numbers.widgets import kind_word

    for kind, description in KINDS.items():
        short = kind_word(description)
        assert short and short.count("(") == short.count(")"), (kind, short)   # never a cut bracket
        assert description.startswith(short)


def test_the_figures_table_shows_kinds_without_a_cut_bracket():
    from kit.numbers.widgets import numbers_html

    out = numbers_html("The convoy drove 40 kilometres and delivered 12 tonnes of flour to 300 families.")
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", out)
    assert "a measurement" in cells and "a count of people or things" in cells
    assert not any(c.count("(") != c.count(")") for c in cells), cells


def test_every_button_icon_has_an_empty_alternative_text():
    from kit.core.glossary import _ICONS

    used = set()
    for path in (ROOT / "kit").rglob("*.py"):
        used |= set(re.findall(r'icon="([a-z-]+)"', path.read_text(encoding="utf-8")))
    assert used and used <= set(_ICONS), used - set(_ICONS)
    assert '.widget-button .fa-pencil::before{content:"\\f040" / ""}' in KIT_CSS
