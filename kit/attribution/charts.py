"""Attribution charts: who gets the words."""

from __future__ import annotations

from kit.core.charts import Chart  # a Figure that Jupyter shows as a PNG (no pyplot state)


def source_share_chart(attributions, *, by: str = "chars", title: str | None = None) -> Chart:
    """A horizontal bar chart: how much of the story each source type supplies.

    ``attributions``: a list from :func:`kit.find_attributions` (or a ready dict of shares).
    ``by="chars"`` measures the length of the claims, ``by="count"`` counts them.

    >>> import kit
    >>> fig = source_share_chart(kit.find_attributions(kit.parse("Police said the road was closed.")))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['official']
    >>> fig._repr_png_()[:4]
    b'\\x89PNG'
    """
    from kit.attribution import SOURCE_COLORS, SOURCE_LABELS, source_shares

    shares = attributions if isinstance(attributions, dict) else source_shares(attributions, by=by)
    fig = Chart(figsize=(6, 0.45 * max(len(shares), 1) + 1.2))
    ax = fig.add_subplot()
    types = list(shares)[::-1]  # first type at the top
    values = [100 * shares[t] for t in types]
    ax.barh([SOURCE_LABELS.get(t, t) for t in types], values,
            color=[SOURCE_COLORS.get(t, "#cccccc") for t in types], edgecolor="#555555")
    for y, v in enumerate(values):
        ax.text(v + 1, y, f"{v:.0f}%", va="center", fontsize=9)
    ax.set_xlim(0, max(values + [0]) * 1.2 + 5)
    ax.set_xlabel("share of the attributed claims (%)" + (" by length" if by == "chars" else " by number"))
    ax.set_title(title or "Who supplies the story?")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig
