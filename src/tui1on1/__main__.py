"""`python -m tui1on1` runs the same entry point as the console script."""

from tui1on1.cli import main

raise SystemExit(main())
