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
import sys

from plan_targets import REPO, report

HELDOUT_SETS = {
    "plan_heldout": REPO / "tests" / "plans" / "parser" / "heldout",
    "plan_heldout2": REPO / "tests" / "plans" / "parser" / "heldout2",
    "plan_heldout3": REPO / "tests" / "plans" / "parser" / "heldout3",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=int, default=0, help="print up to N misses/spurious per document")
    args = ap.parse_args(argv)
    for name, folder in HELDOUT_SETS.items():
        report(name, folder, folder, args.show)  # documents and gold live side by side
    return 0


if __name__ == "__main__":
    sys.exit(main())
