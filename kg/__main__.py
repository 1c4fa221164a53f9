"""``python -m kg`` is the ``kg`` command, for environments without the console script."""

from .cli import main

main()
