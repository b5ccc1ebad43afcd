"""Benchmarks of the kit, measured in ONE run so the ratios compare like with like.

    make bench                      # = python bench/run.py
    python bench/run.py --quick     # fewer repetitions (a smoke run)
    python bench/run.py --time-make # also time `make setup` and `make test` on a fresh clone
                                    # (minutes; writes bench/results/timings.json)

What is measured (targets from the kit's issue list):

* **Full analysis vs bare parsing.** "Full analysis" is what the kit does for a text:
  ``kit.parse`` once, then every lens finder that exists on the same Doc (framing:
  find_labels, find_passives; attribution: find_attributions, find_unattributed; numbers:
  find_numbers, check_numbers; results a later finder can reuse are passed on, as the API
  allows). Also timed: ``kit.compare.analyse``, what 05_your_article runs. "Bare" is the spaCy model alone, ``nlp(text)``. Both on
  the seed article (median of several runs, after one warm-up run that builds the lazily
  built matchers), and on a batch of 100 articles (``nlp.pipe`` for the bare side, with
  the batch size ``kit.parse_many`` uses for the kit's parsing). Target: full / bare <= 1.3.
  The 100 articles are made from the bundled articles by shuffling their paragraphs with
  a fixed random seed (article i: the paragraphs of bundled article i mod n, in the order
  of ``random.Random(i).shuffle``), so they are varied but the run is repeatable.
* **Widget update latency.** Every widget builder in ``kit.catalog`` that can be built
  with no arguments (and the two classroom widgets, with a small example): the time of
  each ``.value =`` change of its controls (sliders to several values, each option of a
  dropdown, no/all options of a multiple choice), which runs its callbacks. Median and
  worst per widget. Target: < 100 ms.
* **Kernel memory.** Each notebook in notebooks/ is executed with nbclient in a fresh
  kernel (in a temporary copy); a last cell added to the copy reports the kernel's own
  peak resident memory (``ru_maxrss``, the same figure as VmHWM). Target: < 350 MB.
* **make setup / make test.** Read from bench/results/timings.json, written by
  ``--time-make`` (a fresh ``git clone`` of this checkout, then ``make setup`` and
  ``make test`` there, each timed); the suite is not rerun on every bench.

Prints a table and writes bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"
TIMINGS = RESULTS / "timings.json"

import kit  # noqa: E402

FINDERS = ("find_labels", "find_passives", "find_attributions", "find_unattributed",
           "find_numbers", "check_numbers")

TARGETS = {"full_vs_bare": 1.3, "widget_ms": 100.0, "kernel_mb": 350.0}


def finders() -> list[tuple[str, object]]:
    """The lens finders that exist in this checkout."""
    return [(n, getattr(kit, n)) for n in FINDERS if callable(getattr(kit, n, None))]


def analyse(doc) -> dict:
    """The kit's full analysis of a parsed text: every lens finder on one Doc.

    Results a later finder can reuse are passed on, as the API allows and a notebook
    would do: find_unattributed(doc, attributions=...), check_numbers(doc, quantities=...).
    """
    import inspect

    out: dict = {}
    reuse = {"attributions": "find_attributions", "quantities": "find_numbers"}
    for name, fn in finders():
        params = inspect.signature(fn).parameters
        kwargs = {k: out[src] for k, src in reuse.items() if k in params and src in out}
        out[name] = fn(doc, **kwargs)
    return out


def kit_analyse():
    """kit.compare.analyse (what 05_your_article runs: every lens + the translation check), if present."""
    try:
        from kit.compare import analyse as compare_analyse
    except ImportError:
        return None
    return compare_analyse


def full_analysis(text: str) -> dict:
    return analyse(kit.parse(text))


def timeit(fn, repeat: int) -> float:
    """Median seconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def batch_articles(n: int = 100) -> list[str]:
    """n varied articles from the bundled ones, paragraphs shuffled with a fixed seed."""
    sources = [kit.load_article(a).paragraphs for a in kit.list_articles()]
    out = []
    for i in range(n):
        paras = list(sources[i % len(sources)])
        random.Random(i).shuffle(paras)
        out.append("\n".join(paras) + "\n")
    return out


# ---------------------------------------------------------------- 1. analysis vs parsing


def bench_analysis(repeat: int) -> dict:
    nlp = kit.load_model()
    seed = kit.load_article("aleppo-2024-12-02").text
    full_analysis(seed)  # warm-up: matchers and lexicons are built on first use
    nlp(seed)
    bare = timeit(lambda: nlp(seed), repeat)
    full = timeit(lambda: full_analysis(seed), repeat)
    doc = kit.parse(seed)
    # each finder alone, with the Doc's caches emptied first (find_attributions keeps its
    # results on the Doc, so a second call on the same Doc would cost nothing)
    per_finder = {name: timeit(lambda fn=fn: (doc.user_data.clear(), fn(doc)), repeat) for name, fn in finders()}
    compare_analyse = kit_analyse()
    notebook_full = None
    if compare_analyse is not None:
        compare_analyse(seed)
        notebook_full = timeit(lambda: compare_analyse(seed), repeat)

    texts = batch_articles(100)
    batch_repeat = max(1, repeat // 3)
    # the same batch size as kit.parse_many, so both sides parse alike
    bare_batch = timeit(lambda: list(nlp.pipe(texts, batch_size=16)), batch_repeat)
    full_batch = timeit(lambda: [analyse(d) for d in kit.parse_many(texts)], batch_repeat)
    return {
        "finders": [n for n, _ in finders()],
        "seed_chars": len(seed),
        "seed_bare_s": bare,
        "seed_full_s": full,
        "seed_ratio": full / bare,
        "seed_per_finder_s": per_finder,
        "seed_compare_analyse_s": notebook_full,
        "seed_compare_analyse_ratio": notebook_full / bare if notebook_full else None,
        "batch_articles": len(texts),
        "batch_chars": sum(map(len, texts)),
        "batch_bare_s": bare_batch,
        "batch_full_s": full_batch,
        "batch_ratio": full_batch / bare_batch,
        "repeat": repeat,
    }


# ---------------------------------------------------------------- 2. widget latency

#: Builders that need arguments: a small valid example (as in tests/test_hostile.py).
BUILDER_ARGS = {
    "make_annotator": lambda: ((kit.load_article("aleppo-2024-12-02").paragraphs[5],
                                ["loaded", "neutral"], []), {}),
    "make_detector": lambda: ((kit.load_article("aleppo-2024-12-02").paragraphs[5],), {}),
}


def _walk(w):
    yield w
    for c in getattr(w, "children", ()) or ():
        yield from _walk(c)


def _values(w) -> list:
    import ipywidgets as W

    if isinstance(w, W.IntSlider):
        span = w.max - w.min
        return [w.min + round(span * f) for f in (0.25, 0.5, 0.75, 1.0, 0.0)] if span else []
    if isinstance(w, W.SelectMultiple):
        values = [o[1] if isinstance(o, tuple) else o for o in w.options]
        return [tuple(values), tuple(values[:1]), tuple(values[:3])]
    if isinstance(w, (W.Dropdown, W.RadioButtons, W.ToggleButtons, W.Select)):
        values = [o[1] if isinstance(o, tuple) else o for o in w.options]
        return (values[1:] + values[:1])[:6] if len(values) > 1 else []
    if isinstance(w, (W.Checkbox, W.ToggleButton)):
        return [not w.value, w.value]
    return []


def bench_widgets(env_dir: Path) -> dict:
    from kit.catalog import builders

    os.environ["KIT_ANSWERS"] = str(env_dir / "bench_answers.json")
    out = {}
    for name, build_widget in sorted(builders().items()):
        args, kwargs = BUILDER_ARGS[name]() if name in BUILDER_ARGS else ((), {})
        try:
            start = time.perf_counter()
            w = build_widget(*args, **kwargs)
            build = time.perf_counter() - start
        except TypeError as err:
            out[name] = {"skipped": f"needs arguments: {err}"}
            continue
        times = []
        for control in _walk(w):
            for value in _values(control):
                start = time.perf_counter()
                control.value = value
                times.append(time.perf_counter() - start)
        # Text boxes: type the seed's sixth paragraph, then press each button once.
        import ipywidgets as W
        clicks = []
        for box in [c for c in _walk(w) if isinstance(c, (W.Text, W.Textarea))][:1]:
            box.value = kit.load_article("aleppo-2024-12-02").paragraphs[5]
            for b in [c for c in _walk(w) if isinstance(c, W.Button)]:
                start = time.perf_counter()
                b.click()
                clicks.append(time.perf_counter() - start)
        entry = {"build_ms": build * 1000, "changes": len(times)}
        if times:
            entry |= {"median_ms": statistics.median(times) * 1000, "max_ms": max(times) * 1000}
        if clicks:
            entry |= {"click_median_ms": statistics.median(clicks) * 1000,
                      "click_max_ms": max(clicks) * 1000}
        out[name] = entry
    os.environ.pop("KIT_ANSWERS", None)
    return out


# ---------------------------------------------------------------- 3. kernel memory

# VmHWM (peak resident memory of this process image) from /proc; ru_maxrss as a fallback,
# though on Linux it can carry over the parent's peak across fork+exec.
_MEM_CELL = (
    "import re as _re, resource as _r\n"
    "try:\n"
    "    _kb = int(_re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
    "except Exception:\n"
    "    _kb = _r.getrusage(_r.RUSAGE_SELF).ru_maxrss\n"
    "print('KIT_PEAK_KB', _kb)"
)


def bench_kernels(work: Path) -> dict:
    import nbformat
    from nbclient import NotebookClient

    out = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell(_MEM_CELL))
        folder = work / path.stem
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        try:
            NotebookClient(nb, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": str(folder)}}).execute(
                env=dict(os.environ, KIT_ANSWERS=str(folder / "answers.json")))
        except Exception as err:  # a failing notebook is reported, the bench goes on
            out[path.stem] = {"error": f"{type(err).__name__}: {str(err)[:300]}"}
            continue
        took = time.perf_counter() - start
        text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
        m = re.search(r"KIT_PEAK_KB (\d+)", text)
        out[path.stem] = {"peak_mb": int(m.group(1)) / 1024 if m else None, "run_s": took}
    return out


# ---------------------------------------------------------------- 4. make setup / make test


def time_make() -> dict:
    """Clone this checkout, then time `make setup` and `make test` in the clone."""
    work = Path(tempfile.mkdtemp(prefix="kit-timing-"))
    clone = work / "kit"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    result = {"measured_at": time.strftime("%Y-%m-%d %H:%M"), "commit": subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=clone, capture_output=True, text=True).stdout.strip(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"}
    for target in ("setup", "test"):
        start = time.perf_counter()
        proc = subprocess.run(["make", target], cwd=clone, capture_output=True, text=True)
        result[f"make_{target}_s"] = time.perf_counter() - start
        result[f"make_{target}_ok"] = proc.returncode == 0
        if target == "test":
            tail = (proc.stdout or "").strip().splitlines()[-1:] or [""]
            result["make_test_summary"] = tail[0]
    RESULTS.mkdir(parents=True, exist_ok=True)
    TIMINGS.write_text(json.dumps(result, indent=1))
    shutil.rmtree(work, ignore_errors=True)
    return result


# ---------------------------------------------------------------- report


def _ok(value, target, lower_is_better=True) -> str:
    if value is None:
        return "?"
    return "ok" if (value <= target if lower_is_better else value >= target) else "OVER"


def table(results: dict) -> str:
    a = results["analysis"]
    rows = [("measure", "value", "target", "")]
    rows.append(("seed: bare nlp(text)", f"{a['seed_bare_s'] * 1000:.0f} ms", "", ""))
    rows.append(("seed: full analysis", f"{a['seed_full_s'] * 1000:.0f} ms", "", ""))
    rows.append(("seed: full / bare", f"{a['seed_ratio']:.2f}x", "<= 1.3x",
                 _ok(a["seed_ratio"], TARGETS["full_vs_bare"])))
    rows.append((f"batch of {a['batch_articles']}: bare nlp.pipe", f"{a['batch_bare_s']:.2f} s", "", ""))
    rows.append((f"batch of {a['batch_articles']}: full analysis", f"{a['batch_full_s']:.2f} s", "", ""))
    rows.append(("batch: full / bare", f"{a['batch_ratio']:.2f}x", "<= 1.3x",
                 _ok(a["batch_ratio"], TARGETS["full_vs_bare"])))
    if a.get("seed_compare_analyse_s"):
        rows.append(("seed: kit.compare.analyse (05 notebook)",
                     f"{a['seed_compare_analyse_s'] * 1000:.0f} ms = {a['seed_compare_analyse_ratio']:.2f}x",
                     "", "all lenses + translation check"))
    for name, t in a["seed_per_finder_s"].items():
        rows.append((f"  seed: {name}", f"{t * 1000:.1f} ms", "", ""))
    for name, w in results["widgets"].items():
        if "skipped" in w:
            rows.append((f"widget {name}", "skipped", "", w["skipped"][:40]))
            continue
        if "max_ms" in w:
            rows.append((f"widget {name}: .value change (median/max)",
                         f"{w['median_ms']:.0f} / {w['max_ms']:.0f} ms", "< 100 ms",
                         _ok(w["max_ms"], TARGETS["widget_ms"])))
        if "click_max_ms" in w:
            rows.append((f"widget {name}: button (median/max)",
                         f"{w['click_median_ms']:.0f} / {w['click_max_ms']:.0f} ms", "", ""))
    for name, k in results["kernels"].items():
        if "error" in k:
            rows.append((f"kernel {name}", "error", "< 350 MB", k["error"][:50]))
        else:
            rows.append((f"kernel {name}: peak memory", f"{k['peak_mb']:.0f} MB", "< 350 MB",
                         _ok(k["peak_mb"], TARGETS["kernel_mb"])))
    t = results.get("make")
    if t:
        rows.append(("make setup (fresh clone)", f"{t['make_setup_s']:.0f} s", "",
                     "" if t.get("make_setup_ok") else "FAILED"))
        rows.append(("make test (fresh clone)", f"{t['make_test_s']:.0f} s", "",
                     t.get("make_test_summary", "")[:50]))
    else:
        rows.append(("make setup / make test", "not measured", "", "run with --time-make"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--time-make", action="store_true",
                        help="also time make setup and make test on a fresh clone (minutes)")
    parser.add_argument("--skip-kernels", action="store_true", help="do not run the notebooks")
    args = parser.parse_args(argv)

    repeat = 3 if args.quick else 9
    results = {"when": time.strftime("%Y-%m-%d %H:%M"), "python": platform.python_version(),
               "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores",
               "model": kit.core.nlp.model_name(), "targets": TARGETS}
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as tmp:
        # Kernels first, while this process is still small (nothing is inherited by them).
        results["kernels"] = {} if args.skip_kernels else bench_kernels(Path(tmp) / "kernels")
        results["analysis"] = bench_analysis(repeat)
        results["widgets"] = bench_widgets(Path(tmp))
    if args.time_make:
        results["make"] = time_make()
    elif TIMINGS.exists():
        results["make"] = json.loads(TIMINGS.read_text())
    print(table(results))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=1, default=str))
    print(f"\nSaved {RESULTS.relative_to(ROOT) / 'latest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
