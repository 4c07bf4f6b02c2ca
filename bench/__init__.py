"""Benchmarks at scale (`make bench`): a generator of realistic volumes
(generator.py), the figures measured against baselines of the same run
(figures.py: one function per figure in a registry) and the runner
(run.py)."""
