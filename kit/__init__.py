"""kit: a media-literacy teaching kit. Read a news story through three lenses.

>>> import kit
>>> art = kit.load_article("aleppo-2024-12-02")
>>> doc = kit.parse(art.text)
>>> len(doc) > 100
True

The flat public API below is what notebooks, lessons and tests rely on
(see ../shared/DESIGN.md). Nothing heavy happens at import time: the spaCy
model loads on the first call to :func:`parse`.
"""

from .articles import Article, clean_text, html_to_text, language_warning, list_articles, load_article, read_text
from .errors import InputError, KitError, ModelNotInstalled, UnknownArticle
from .nlp import MAX_CHARS, load_model, parse, parse_many
from .render import Highlight, highlight, legend
from .checks import QUESTIONS, Feedback
from .progress import load_answers, saved

# Lenses add their public names below, one import line each.
# -- framing --
from .framing import STYLES, Label, Passive, Reframing, Swap, find_labels, find_passives, reframe
# -- attribution --
from .attribution import SOURCE_TYPES, Attribution, Claim, cue_signals, find_attributions, find_unattributed, source_shares, source_type_of
# -- numbers --
from .numbers import Finding, Quantity, check_numbers, find_numbers
# -- compare --
from .compare import Analysis, Difference, Fingerprint, analyse, compare_fingerprints, fingerprint
from .translation import Issue, lateral_reading, translation_issues
# -- classroom --
from .annotate import Agreement, StudentMark, detect, detect_feedback, compare as compare_marks
from .quiz import check_quiz, load_bank

__version__ = "0.1.0"
