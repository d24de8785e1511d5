"""Measure extraction against hand-made gold annotations (``score``)."""
from .score import load_output, score

__all__ = ["score", "load_output"]
