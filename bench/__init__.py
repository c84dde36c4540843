"""Shop-scale benchmarks (DESIGN §6): a bulk-built database of up to 1M units, measured through the real services.

``python -m bench.run`` (what ``make bench`` runs) is the entry point; see ``bench/README.md``.
"""
