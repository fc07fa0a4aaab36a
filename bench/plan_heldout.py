"""Score the plan parser on the held-out documents and print BENCH lines.

The seeds in ../shared are what the parser was tuned on; the held-out sets hold documents written
apart from that tuning, so their scores are the better estimate of how the parser does on unseen
plans. There are three sets, written by different people blind to each other's style
(tests/plans/parser/heldout, heldout2 and heldout3; the second also holds an .html page, which the
scorer passes to the CLI like any other file; the third leans on responsibility notes).
Runs ../shared/tools/score_targets.py for targets and for responsibilities on each set and prints,
with <set> plan_heldout, plan_heldout2 or plan_heldout3,

    BENCH <set>_target_f1 <f1> ratio
    BENCH <set>_target_precision <p> ratio
    BENCH <set>_target_recall <r> ratio
    BENCH <set>_comparator_accuracy <acc> ratio
    BENCH <set>_responsibility_f1 <f1> ratio

Pass --show N to also print the scorer's misses and spurious predictions (to stderr).
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
HELDOUT_SETS = {
    "plan_heldout": REPO / "tests" / "plans" / "parser" / "heldout",
    "plan_heldout2": REPO / "tests" / "plans" / "parser" / "heldout2",
    "plan_heldout3": REPO / "tests" / "plans" / "parser" / "heldout3",
}


def run_scorer(folder: Path, extra: list[str], show: int) -> str:
    """The scorer's stdout for one held-out folder (documents and gold live side by side)."""
    cmd = f"{shlex.quote(sys.executable)} -m kechuang.plans.parser {{file}} --format json"
    env = dict(os.environ, PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    args = [
        sys.executable,
        str(SHARED / "tools" / "score_targets.py"),
        "--gold",
        str(folder),
        "--docs",
        str(folder),
        "--cmd",
        cmd,
        "--show",
        str(show),
        *extra,
    ]
    run = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    if run.returncode != 0:
        sys.exit(f"scorer failed ({run.returncode}): {run.stderr.strip()[-500:]}")
    return run.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=int, default=0, help="print up to N misses/spurious per document")
    args = ap.parse_args(argv)
    for name, folder in HELDOUT_SETS.items():
        report(name, folder, args.show)
    return 0


def report(name: str, folder: Path, show: int) -> None:
    """Print the BENCH lines of one held-out set."""
    targets = run_scorer(folder, [], show)
    resp = run_scorer(folder, ["--responsibility"], show)
    if show:
        print(targets + resp, file=sys.stderr)
    m = re.search(r"^target F1 ([\d.]+) P ([\d.]+) R ([\d.]+)", targets, re.M)
    c = re.search(r"^comparator accuracy ([\d.]+)", targets, re.M)
    r = re.search(r"^responsibility F1 ([\d.]+)", resp, re.M)
    if not (m and c and r):
        sys.exit("could not read the scorer's output:\n" + targets + resp)
    print(f"BENCH {name}_target_f1 {m.group(1)} ratio")
    print(f"BENCH {name}_target_precision {m.group(2)} ratio")
    print(f"BENCH {name}_target_recall {m.group(3)} ratio")
    print(f"BENCH {name}_comparator_accuracy {c.group(1)} ratio")
    print(f"BENCH {name}_responsibility_f1 {r.group(1)} ratio")


if __name__ == "__main__":
    sys.exit(main())
