"""python -m trino2spark.verify CASES… — see trino2spark/verify/__init__.py and cli.py."""
import sys

from .cli import main

sys.exit(main())
