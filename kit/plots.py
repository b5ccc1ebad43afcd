"""Matplotlib figures for the lenses. Functions return a Figure; they never call plt.show().

The notebooks display the returned figure; the report embeds it as an image.
"""

from __future__ import annotations

from matplotlib.figure import Figure  # Figure() needs no pyplot state: safe in threads and tests

# ---------------------------------------------------------------- framing


# ---------------------------------------------------------------- attribution


# ---------------------------------------------------------------- numbers
