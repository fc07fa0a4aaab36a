"""Score the plan parser on the seed documents and print BENCH lines.

Runs ../shared/tools/score_targets.py twice — for targets and for responsibilities — with the parser
as the command (`python -m kechuang.plans.parser {file} --format json`), and prints

    BENCH plan_target_f1 <f1> ratio
    BENCH plan_target_precision <p> ratio
    BENCH plan_target_recall <r> ratio
    BENCH plan_comparator_accuracy <acc> ratio
    BENCH plan_responsibility_f1 <f1> ratio
    BENCH plan_parse_throughput <mb_per_s> MB/s

The throughput is measured in-process on the seed texts repeated to about 2 MB, on one core.

Paths are resolved from this file: the repository root is the parent of bench/, the shared folder is
next to the repository. Pass --show N to also print the scorer's misses and spurious predictions.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def run_scorer(gold: Path, docs: Path, extra: list[str], show: int) -> str:
    """The scorer's stdout for the documents in ``docs`` against the gold in ``gold``."""
    cmd = f"{shlex.quote(sys.executable)} -m kechuang.plans.parser {{file}} --format json"
    env = dict(os.environ, PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    args = [sys.executable, str(SHARED / "tools" / "score_targets.py"), "--gold", str(gold), "--docs", str(docs),
            "--cmd", cmd, "--show", str(show), *extra]
    run = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    if run.returncode != 0:
        sys.exit(f"scorer failed ({run.returncode}): {run.stderr.strip()[-500:]}")
    return run.stdout


def report(prefix: str, gold: Path, docs: Path, show: int) -> None:
    """Print the five BENCH lines (targets P/R/F1, comparator accuracy, responsibility F1) of one set."""
    targets = run_scorer(gold, docs, [], show)
    resp = run_scorer(gold, docs, ["--responsibility"], show)
    if show:
        print(targets + resp, file=sys.stderr)
    m = re.search(r"^target F1 ([\d.]+) P ([\d.]+) R ([\d.]+)", targets, re.M)
    c = re.search(r"^comparator accuracy ([\d.]+)", targets, re.M)
    r = re.search(r"^responsibility F1 ([\d.]+)", resp, re.M)
    if not (m and c and r):
        sys.exit("could not read the scorer's output:\n" + targets + resp)
    print(f"BENCH {prefix}_target_f1 {m.group(1)} ratio")
    print(f"BENCH {prefix}_target_precision {m.group(2)} ratio")
    print(f"BENCH {prefix}_target_recall {m.group(3)} ratio")
    print(f"BENCH {prefix}_comparator_accuracy {c.group(1)} ratio")
    print(f"BENCH {prefix}_responsibility_f1 {r.group(1)} ratio")


def throughput() -> float:
    """MB of text parsed per CPU second (best of three runs; CPU time, so other load does not count)."""
    sys.path.insert(0, str(REPO / "src"))
    from kechuang.plans.parser import parse_document

    text = b"".join(p.read_bytes() for p in sorted((SHARED / "seeds").glob("*.txt")))
    data = text * max(1, 2_000_000 // len(text))
    parse_document(text, "warm-up.txt")
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        parse_document(data, "bench.txt")
        best = min(best, time.process_time() - start)
    return len(data) / 1e6 / best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=int, default=0, help="print up to N misses/spurious per document")
    args = ap.parse_args(argv)
    report("plan", SHARED / "gold", SHARED / "seeds", args.show)
    print(f"BENCH plan_parse_throughput {throughput():.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
