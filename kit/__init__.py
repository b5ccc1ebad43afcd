"""kit: a media-literacy teaching kit. Read a news story through three lenses.

>>> import kit
>>> art = kit.load_article("aleppo-2024-12-02")
>>> doc = kit.parse(art.text)
>>> len(doc) > 100
True

The flat public API below is what notebooks, lessons and tests rely on; ARCHITECTURE.md
(at the top of the repository) shows the rooms these names come from. Nothing heavy
happens at import time: the spaCy model loads on the first call to :func:`parse`.
"""

# -- core: text in, parsing, highlighted HTML out
from kit.core.errors import InputError, KitError, ModelNotInstalled, UnknownArticle
from kit.core.nlp import MAX_CHARS, load_model, parse, parse_many
from kit.core.glossary import plain_label
from kit.core.render import Highlight, highlight, legend
from kit.core.provenance import Quotation
from kit.core.text import Article, Copy, clean_text, html_to_text, language_warning, list_articles, load_article, read_text
# -- classroom: feedback and saved answers
from kit.classroom.answers import load_answers, save_answer, saved
from kit.classroom.feedback import QUESTIONS, Feedback
# -- the three lenses
from kit.framing import STYLES, Label, Passive, Reframing, Swap, find_labels, find_passives, reframe
from kit.attribution import (SOURCE_TYPES, Attribution, Claim, cue_signals, find_attributions, find_unattributed,
                             source_shares, source_type_of)
from kit.numbers import Finding, Quantity, check_numbers, find_numbers
# -- all lenses at once
from kit.compare import (Analysis, Difference, Fingerprint, Issue, analyse, compare_fingerprints, fingerprint,
                         lateral_reading, translation_issues)
from kit.compare.detect import detect, detect_feedback
from kit.compare.versions import Change, compare_versions
# -- classroom activities
from kit.classroom.annotate import Agreement, StudentMark, compare as compare_marks
from kit.classroom.item_stats import FormStats, ItemStat, item_statistics
from kit.classroom.quiz import check_quiz, load_bank

__version__ = "0.1.0"
