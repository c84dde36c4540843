"""bench/README.md keeps a table of the last full `make bench` run (issue 17): the splice between its markers."""

from bench.results import README_BEGIN, README_END, Measure, markdown, splice_readme

MEASURES = [Measure("passport.p95", "passport p95", 2.5, "ms", 3.0, "sqlite", 1_000_000),
            Measure("bulk_ratio", "bulk | raw", 4.0, "x", 2.0, "postgresql", 1_000_000),
            Measure("db_build", "shop built", 40.0, "s", None, "sqlite", 1_000_000)]


def test_the_table_names_every_measure_and_what_missed() -> None:
    md = markdown(MEASURES, {"cpus": 2, "items": 1_000_000, "postgresql": "15", "wall_seconds": 400})
    assert "1 over target (postgresql/bulk_ratio)" in md
    assert "| sqlite | passport p95 | 2.50 ms | ≤ 3.00 ms | pass |" in md
    assert "| postgresql | bulk \\| raw | 4.00 x | ≤ 2.00 x | **FAIL** |" in md
    assert "| sqlite | shop built | 40.0 s | — | for the record |" in md


def test_a_second_run_replaces_the_first_and_keeps_the_rest() -> None:
    once = splice_readme("# bench\n\nintro\n", "first table")
    assert once.count(README_BEGIN) == 1 and "first table" in once and once.startswith("# bench\n\nintro\n")
    twice = splice_readme(once + "\nafter\n", "second table")
    assert "first table" not in twice and "second table" in twice
    assert twice.count(README_BEGIN) == twice.count(README_END) == 1 and twice.endswith("after\n")
