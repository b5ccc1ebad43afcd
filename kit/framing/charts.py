"""Framing charts: labels by side and stance."""

from __future__ import annotations

from matplotlib.figure import (
    Figure,  # Figure() needs no pyplot state: safe in threads and tests
)

#: Readable names of the sides in charts.
ACTOR_NAMES = {
    "government": "government side",
    "opposition": "armed opposition",
    "ally": "foreign forces",
    "protesters": "protesters",
    "any": "either side",
}


def framing_labels_chart(labels, *, title: str = "Who is named how? Labels by side and stance") -> Figure:
    """Horizontal stacked bars: for each side, how many labels delegitimize, stay neutral, legitimize.

    >>> from kit import parse, find_labels
    >>> fig = framing_labels_chart(find_labels(parse("The regime's army fought terrorists and rebels.")))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['government', 'opposition']
    """
    from kit.core.render import TAG_COLORS
    from kit.framing.labels import STANCES, label_counts

    counts = label_counts(labels)
    fig = Figure(figsize=(7, 0.6 * max(len(counts), 2) + 1.4))
    ax = fig.add_subplot()
    if not counts:
        ax.text(0.5, 0.5, "No labels found in this text.", ha="center", va="center")
        ax.set_axis_off()
        return fig
    actors = list(counts)
    left = [0] * len(actors)
    edge = {"delegitimizing": "#b03a2e", "neutral": "#7f7f7f", "legitimizing": "#1e8449"}
    for stance in STANCES:
        widths = [counts[a].get(stance, 0) for a in actors]
        bars = ax.barh(actors, widths, left=left, label=stance, color=TAG_COLORS[stance], edgecolor=edge[stance])
        for bar, w in zip(bars, widths):
            if w:
                ax.text(bar.get_x() + w / 2, bar.get_y() + bar.get_height() / 2, str(w), ha="center", va="center")
        left = [l + w for l, w in zip(left, widths)]
    ax.set_yticks(range(len(actors)), actors)
    ax.invert_yaxis()
    ax.set_xlabel("number of labels")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize="small")
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    return fig
