"""Charts as pictures: a matplotlib Figure that shows itself in Jupyter (with alt text), and PNG bytes.

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

#: What a chart image says to a reader who cannot see it. Every kit chart has its figures in a
#: table or text beside it.
CHART_ALT = "Chart of the figures listed beside it, in the table or text above."


class Chart(Figure):
    """A matplotlib Figure that Jupyter displays as an image with a text alternative.

    ``alt`` (set by the chart's builder, else the axes titles) is what a screen reader says.

    >>> chart = Chart(figsize=(1, 1)); chart.alt = "Bars: 3 sources"
    >>> sorted(chart._repr_mimebundle_())
    ['image/png', 'text/html']
    >>> 'alt="Bars: 3 sources"' in chart._repr_mimebundle_()["text/html"]
    True
    """

    alt: str = ""

    def alt_text(self) -> str:
        titles = [ax.get_title() for ax in self.axes if ax.get_title()]
        return self.alt or ("Chart: " + "; ".join(titles) + ". " + CHART_ALT if titles else CHART_ALT)

    def _repr_png_(self) -> bytes:
        return figure_png(self)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        png = figure_png(self)
        return {"text/html": chart_html(png, self.alt_text()), "image/png": png}


def figure_png(fig: Figure, *, dpi: int = 90, tight: bool = False) -> bytes:
    """A figure as PNG bytes (for an ipywidgets.Image or an HTML report); ``tight`` crops the
    white margin (the teacher report does).

    >>> figure_png(Chart(figsize=(1, 1)))[:4]
    b'\\x89PNG'
    """
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, **({"bbox_inches": "tight"} if tight else {}))
    return buf.getvalue()


def chart_html(png: bytes, alt: str = CHART_ALT) -> str:
    """A chart as an HTML ``<img>`` with a text alternative, for an ``ipywidgets.HTML`` value.

    >>> chart_html(b"PNG", "Bars: 3 sources")
    '<img alt="Bars: 3 sources" style="max-width:700px;width:100%" src="data:image/png;base64,UE5H">'
    """
    import base64
    import html

    data = base64.b64encode(png).decode("ascii")
    return (f'<img alt="{html.escape(alt)}" style="max-width:700px;width:100%" '
            f'src="data:image/png;base64,{data}">')
