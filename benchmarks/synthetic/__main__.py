"""`python -m benchmarks.synthetic`: write a synthetic data set to a folder (see files.py)."""

from benchmarks.synthetic.files import main

main()
