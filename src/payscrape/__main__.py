"""``python -m payscrape``."""

import sys

from .cli import main

sys.exit(main())
