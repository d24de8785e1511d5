"""Step 2, text: clean the text with an offset map back to the source (``normalize``), see the columns a layout
puts side by side through that map (``layout``), read the header of an official document (``header``: issuing
body, number, place and date, type, trích yếu) and split it into header, body, signature and recipients
(``segment``)."""
from .normalize import Text, normalize_text

__all__ = ["normalize_text", "Text"]
