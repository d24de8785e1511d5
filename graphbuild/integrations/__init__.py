"""Bridges to other tools, each behind an optional extra: ``spacy`` (``pip install 'graphbuild[spacy]'``) makes the
citations of a text spaCy spans (the ``vn_citations`` pipeline component)."""
