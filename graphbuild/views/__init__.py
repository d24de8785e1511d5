"""Step 7, views: interactive HTML views of a graph (lineage, cascade, locality, ego), static images, and the
one-page briefing."""
from .brief import write_brief
from .viz import make_view

__all__ = ["make_view", "write_brief"]
