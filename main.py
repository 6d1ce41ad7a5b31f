"""Start quizapp from a checkout: `python main.py [--decks DIR] [COMMAND]`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from quizapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
