"""Charts as pictures: one way to turn a matplotlib Figure into PNG bytes."""

from __future__ import annotations

from matplotlib.figure import Figure


def figure_png(fig: Figure) -> bytes:
    """A figure as PNG bytes (for an ipywidgets.Image or an HTML report).

    >>> from kit.numbers.charts import chart_bars
    >>> figure_png(chart_bars(["a"], [1]))[:4]
    b'\x89PNG'
    """
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    return buf.getvalue()
