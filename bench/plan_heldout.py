"""Score the plan parser on the held-out documents (tests/plans/parser/heldout) and print BENCH lines.

The seeds in ../shared are what the parser was tuned on; the held-out set holds documents written
apart from that tuning, so its scores are the better estimate of how the parser does on unseen
plans. Runs ../shared/tools/score_targets.py for targets and for responsibilities and prints

    BENCH plan_heldout_target_f1 <f1> ratio
    BENCH plan_heldout_target_precision <p> ratio
    BENCH plan_heldout_target_recall <r> ratio
    BENCH plan_heldout_comparator_accuracy <acc> ratio
    BENCH plan_heldout_responsibility_f1 <f1> ratio

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
HELDOUT = REPO / "tests" / "plans" / "parser" / "heldout"


def run_scorer(extra: list[str], show: int) -> str:
    """The scorer's stdout for the held-out folder (documents and gold live side by side)."""
    cmd = f"{shlex.quote(sys.executable)} -m kechuang.plans.parser {{file}} --format json"
    env = dict(os.environ, PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    args = [
        sys.executable,
        str(SHARED / "tools" / "score_targets.py"),
        "--gold",
        str(HELDOUT),
        "--docs",
        str(HELDOUT),
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
    targets = run_scorer([], args.show)
    resp = run_scorer(["--responsibility"], args.show)
    if args.show:
        print(targets + resp, file=sys.stderr)
    m = re.search(r"^target F1 ([\d.]+) P ([\d.]+) R ([\d.]+)", targets, re.M)
    c = re.search(r"^comparator accuracy ([\d.]+)", targets, re.M)
    r = re.search(r"^responsibility F1 ([\d.]+)", resp, re.M)
    if not (m and c and r):
        sys.exit("could not read the scorer's output:\n" + targets + resp)
    print(f"BENCH plan_heldout_target_f1 {m.group(1)} ratio")
    print(f"BENCH plan_heldout_target_precision {m.group(2)} ratio")
    print(f"BENCH plan_heldout_target_recall {m.group(3)} ratio")
    print(f"BENCH plan_heldout_comparator_accuracy {c.group(1)} ratio")
    print(f"BENCH plan_heldout_responsibility_f1 {r.group(1)} ratio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
