"""Charts as pictures: a matplotlib Figure that shows itself in Jupyter, and PNG bytes for widgets.

The kit draws with ``matplotlib.figure.Figure`` directly (no pyplot state, so it is safe in
threads and tests). A bare Figure, though, shows in a notebook only as the text
``<Figure size 700x320 with 1 Axes>`` unless pyplot's inline backend happens to be active.
:class:`Chart` is a Figure that carries its own picture: JupyterLab, Voila, nbval and
nbconvert all show it as a PNG image.

>>> chart = Chart(figsize=(2, 1))
>>> _ = chart.add_subplot().bar(["a"], [1])
>>> chart._repr_png_()[:4]
b'\\x89PNG'
"""

from __future__ import annotations

from matplotlib.figure import Figure


class Chart(Figure):
    """A matplotlib Figure that Jupyter displays as an image (through ``_repr_png_``)."""

    def _repr_png_(self) -> bytes:
        return figure_png(self)


def figure_png(fig: Figure, *, dpi: int = 90) -> bytes:
    """A figure as PNG bytes (for an ipywidgets.Image or an HTML report).

    >>> figure_png(Chart(figsize=(1, 1)))[:4]
    b'\\x89PNG'
    """
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
