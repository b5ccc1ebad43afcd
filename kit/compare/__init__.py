"""All lenses at once: one analysis of a text, framing fingerprints, versions side by side,
signs of a damaged translation, and make-then-detect.

Logic in ``analysis`` (every lens on one text), ``fingerprint`` (a summary and what differs)
and ``views`` (the HTML); ``widgets`` (notebooks 04 and 05) and ``exercises`` beside it; word lists in ``data/en/``.
"""

from kit.compare.analysis import CONTRAST, LENS_TITLES, LENSES, STANCES, Analysis, analyse, analyse_article, lens_function
from kit.compare.fingerprint import Difference, Fingerprint, compare_fingerprints, fingerprint
from kit.compare.views import VIEWS, banner_html, checklist_html, compare_html, table_html
from kit.compare.translation import Issue, lateral_reading, translation_issues

__all__ = ["CONTRAST", "LENS_TITLES", "LENSES", "STANCES", "VIEWS", "Analysis", "Difference", "Fingerprint",
           "Issue", "analyse", "analyse_article", "banner_html", "checklist_html", "compare_fingerprints",
           "compare_html", "fingerprint", "lateral_reading", "lens_function", "table_html", "translation_issues"]
