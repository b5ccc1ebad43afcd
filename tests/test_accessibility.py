"""Accessible to every student (issue 14): colours, text cues besides colour, plain words.

* Every colour the kit puts text on (``PALETTE``, ``TAG_COLORS`` and every ``*_COLORS`` dict or
  ``colors={...}`` literal anywhere in ``kit/``, found by reading the source, so a new lens
  palette is tested without being listed here) gives WCAG AA contrast (4.5:1) with the text
  colour the renderer uses.
* The stance colours stay apart for the three kinds of colour blindness (simulated with
  Machado, Oliveira & Fernandes 2009), and every highlighted span carries a text mark, so no
  meaning rests on colour alone.

The axe checks in a real browser are in tests/test_browser.py.
"""

from __future__ import annotations

import ast
import importlib
import math
import re
from pathlib import Path

import pytest

import kit
from conftest import ROOT
from kit.core.render import PALETTE, TAG_COLORS, TEXT_COLOR, Highlight, highlight, legend

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
AA_NORMAL = 4.5


# ---------------------------------------------------------------- colour maths (WCAG 2.1, sRGB)


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    r, g, b = (_linear(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# Colour-vision deficiency: Machado et al. (2009) matrices at full severity, on linear RGB.
CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _lab(rgb_linear) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, c)) for c in rgb_linear)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116  # noqa: E731
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen_as(hex_colour: str, deficiency: str | None):
    lin = [_linear(c) for c in _rgb(hex_colour)]
    if deficiency:
        m = CVD[deficiency]
        lin = [sum(m[i][j] * lin[j] for j in range(3)) for i in range(3)]
    return _lab(lin)


def delta_e(a: str, b: str, deficiency: str | None = None) -> float:
    return math.dist(seen_as(a, deficiency), seen_as(b, deficiency))


# ---------------------------------------------------------------- every palette in kit/


def _colour_dicts_in_source() -> dict[str, dict[str, str]]:
    """``module.NAME`` -> {tag: colour} for every ``*_COLORS``/``PALETTE`` assignment and every
    ``colors={...}`` literal in kit/ (read from the source: lens files are not edited to list them)."""
    found: dict[str, dict[str, str]] = {}
    for path in sorted((ROOT / "kit").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for node in ast.walk(tree):
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    if isinstance(t, ast.Name) and (t.id.endswith("_COLORS") or t.id == "PALETTE"):
                        value = getattr(importlib.import_module(module), t.id)
                        items = value.items() if isinstance(value, dict) else enumerate(value)
                        found[f"{module}.{t.id}"] = {str(k): v for k, v in items}
            if isinstance(node, ast.keyword) and node.arg == "colors" and isinstance(node.value, ast.Dict):
                literal = {k.value: v.value for k, v in zip(node.value.keys, node.value.values)
                           if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)}
                if literal:
                    found[f"{module}:{node.value.lineno}"] = literal
    return found


COLOUR_DICTS = _colour_dicts_in_source()


def test_the_scan_finds_the_lens_palettes():
    names = set(COLOUR_DICTS)
    assert "kit.core.render.PALETTE" in names and "kit.core.render.TAG_COLORS" in names
    assert any(n.endswith("SOURCE_COLORS") for n in names)
    assert len(names) >= 5


@pytest.mark.parametrize("where", sorted(COLOUR_DICTS))
def test_text_on_every_colour_meets_wcag_aa(where):
    failures = []
    for tag, colour in COLOUR_DICTS[where].items():
        assert HEX.match(colour), f"{where}[{tag!r}] = {colour!r} is not a hex colour"
        ratio = contrast(colour, TEXT_COLOR)
        if ratio < AA_NORMAL:
            failures.append(f"{tag}: {colour} gives {ratio:.2f}:1")
    assert not failures, f"{where}: text colour {TEXT_COLOR} fails WCAG AA on " + "; ".join(failures)


def test_the_cue_box_and_white_text_areas_meet_aa():
    # The text mark after each span: dark text in a white box with a grey border.
    assert contrast("#ffffff", TEXT_COLOR) >= 7
    assert contrast("#ffffff", "#555555") >= 4.5


@pytest.mark.parametrize("deficiency", [None, *CVD])
def test_stance_colours_stay_apart_with_colour_blindness(deficiency):
    """'Paints them as illegitimate', 'neutral' and 'legitimate' must not look alike."""
    stance = [TAG_COLORS[s] for s in ("delegitimizing", "neutral", "legitimizing")]
    for i, a in enumerate(stance):
        for b in stance[i + 1:]:
            assert delta_e(a, b, deficiency) >= 8, (a, b, deficiency, round(delta_e(a, b, deficiency), 1))


def test_palette_colours_are_all_different():
    assert len(set(PALETTE)) == len(PALETTE)
    for i, a in enumerate(PALETTE):
        for b in PALETTE[i + 1:]:
            assert delta_e(a, b) >= 8, (a, b)


# ---------------------------------------------------------------- a text cue besides colour


def test_every_span_has_a_text_cue_and_the_legend_shows_it():
    text = "Terrorists and rebels and revolutionaries fought."
    spans = [Highlight(0, 10, "delegitimizing"), Highlight(15, 21, "neutral"), Highlight(26, 41, "legitimizing")]
    out = highlight(text, spans)
    cues = re.findall(r'<mark [^>]*data-cue="([^"]+)"', out)
    assert cues == ["\u2212", "=", "+"]
    assert "::after{content:attr(data-cue)" in out   # drawn after each span
    legend_part = out.split('class="kit-hl"')[0]
    for cue in cues:
        assert f">{cue}</span>" in legend_part
    assert "paints them as illegitimate" in legend_part  # plain words, not the internal name


def test_cues_are_distinct_within_one_view():
    tags = ["official", "state_media", "military", "monitor", "expert", "foreign_government",
            "eyewitness", "unnamed", "media", "organisation", "other", "unattributed"]
    text = " ".join(tags)
    spans, pos = [], 0
    for t in tags:
        spans.append(Highlight(pos, pos + len(t), t))
        pos += len(t) + 1
    out = highlight(text, spans, show_legend=False)
    cues = re.findall(r'data-cue="([^"]+)"', out)
    assert len(cues) == len(tags) == len(set(cues))


def test_text_on_marks_is_dark_whatever_the_theme():
    out = highlight("Rebels", [Highlight(0, 6, "neutral")])
    assert f"color:{TEXT_COLOR}" in out.split("<mark", 1)[1]
    assert f"color:{TEXT_COLOR}" in legend({"neutral": "#d6d6d6"})


@pytest.mark.parametrize("view", ["framing", "attribution", "numbers"])
def test_lens_views_mark_every_span_with_a_cue(view):
    from kit.compare.views import VIEWS

    out = VIEWS[view](kit.analyse(kit.load_article("aleppo-2024-12-02").text))
    marks = re.findall(r"<mark [^>]*>", out)
    assert marks, view
    assert all("data-cue=" in m for m in marks), view
