"""Framing charts: the labels each side gets, and how they paint it."""

from __future__ import annotations

from kit.core.charts import Chart  # a Figure (no pyplot state) that Jupyter shows as a PNG

#: Readable names of the sides in charts.
ACTOR_NAMES = {
    "government": "government side",
    "opposition": "armed opposition",
    "ally": "foreign forces",
    "protesters": "protesters",
    "any": "either side",
}


def stance_legend_name(stance: str) -> str:
    """How the chart's legend names a stance: its text mark, then plain words (no jargon).

    >>> stance_legend_name("delegitimizing")
    '− paints them as illegitimate'
    """
    from kit.core.glossary import cue_for, plain_label

    return f"{cue_for(stance)} {plain_label(stance)}".strip()


#: A pattern for each stance, so the bars differ without colour too (colour-blind readers, print).
HATCHES = {"delegitimizing": "///", "neutral": "", "legitimizing": "..."}


def framing_labels_chart(labels, *, title: str = "Who is named how? Labels for each side") -> Chart:
    """Horizontal stacked bars: for each side, how many labels paint it as illegitimate, stay
    neutral, or paint it as legitimate. Each stance has a pattern and a text mark besides its colour.

    >>> from kit import parse, find_labels
    >>> fig = framing_labels_chart(find_labels(parse("The regime's army fought terrorists and rebels.")))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['government side', 'armed opposition']
    >>> fig._repr_png_()[:4]  # a notebook shows the picture, not "<Figure size ...>"
    b'\\x89PNG'
    """
    from kit.core.render import TAG_COLORS
    from kit.framing.labels import STANCES, label_counts

    counts = label_counts(labels)
    fig = Chart(figsize=(7, 0.6 * max(len(counts), 2) + 1.9), layout="constrained")
    ax = fig.add_subplot()
    if not counts:
        ax.text(0.5, 0.5, "No labels found in this text.", ha="center", va="center")
        ax.set_axis_off()
        return fig
    actors = list(counts)
    names = [ACTOR_NAMES.get(a, a.replace("_", " ")) for a in actors]
    left = [0] * len(actors)
    edge = {"delegitimizing": "#b03a2e", "neutral": "#7f7f7f", "legitimizing": "#1e8449"}
    for stance in STANCES:
        widths = [counts[a].get(stance, 0) for a in actors]
        bars = ax.barh(names, widths, left=left, label=stance_legend_name(stance), color=TAG_COLORS[stance],
                       edgecolor=edge[stance], hatch=HATCHES[stance])
        for bar, w in zip(bars, widths):
            if w:
                ax.text(bar.get_x() + w / 2, bar.get_y() + bar.get_height() / 2, str(w), ha="center", va="center",
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})
        left = [l + w for l, w in zip(left, widths)]
    ax.set_yticks(range(len(actors)), names)
    ax.invert_yaxis()
    ax.set_xlabel("number of labels")
    ax.set_title(title)
    # below the plot, never over a bar and its count (issue 26)
    fig.legend(loc="outside lower center", ncols=3, fontsize="small", frameon=False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig
