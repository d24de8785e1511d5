"""Step 2, text: clean the text with an offset map back to the source (``normalize``), and split an official
document into header, body, signature and recipients (``segment``)."""
from .normalize import Text, normalize_text

__all__ = ["normalize_text", "Text"]
