"""`python -m streams` runs the newswatch CLI."""

from streams.cli import main

main()
