"""The records the citing grammar works on (extract/relations.py, extract/lists.py): a mention's ``Role`` (a source
and a relation), the ``Clause`` it stands in, the ``Context`` of one text; and the shapes of text both readers share
(the gap of a list, the end of a sentence). The words are in vocab/phrases.tsv."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .. import vocab
from ..vocab.patterns import any_of
from .lines import Lines
from .mentions import ASIDE, Mention  # noqa: F401 -- ASIDE: the grammar's, defined with the mentions that use it
from .triggers import TriggerHit, first_trigger, governs, verb_text

BETWEEN_DOCUMENTS = ("GUIDES", "AMENDS", "REPLACES", "REPEALS", "CORRECTS")
LINKER = re.compile(rf"(?i)^[\s,:(\-\"“”']*(?:{any_of(vocab.phrases('linker'))}[\s,]*)*$")
LIST_GAP = re.compile(rf"(?i)^[\s,;:(\-+•\"“”')]*(?:(?:{any_of(vocab.phrases('list_word'), group=False)}|"
                      r"\d{1,2}\.|[a-zđ]\)|-|\+|•)[\s,;:]*)*$")
SENTENCE_END = re.compile(rf"[.!?]\s+(?=[{vocab.UPPER}\d])|:\s*\n| \| ")     # ' | ': a table cell ends
# A list continues after a title: "A quy định … và B", "A về …, B".
COORDINATED = re.compile(rf"(?:\s{any_of(vocab.phrases('coordinator'))}|,)\s*$")
CLAUSE_SEMICOLON = re.compile(";")


@dataclass
class Role:
    """How a mention relates: ``source`` is 'subject' or the key of the mention it hangs on; ``verb`` is the phrase
    that says it, at ``verb_at`` in the text (-1: none), in the clause starting at ``clause_at``."""
    source: str
    relation: str
    how: str                 # trigger | chain | list | plain
    passive: bool = False
    verb: Optional[str] = None
    verb_at: int = -1
    clause_at: int = -1
    unnamed_object: Optional[str] = None    # a passive phrase's relation when it acts on nothing named before it
    mode: Optional[str] = None              # what the clause does, when the grammar alone says it (clauses.py)


@dataclass
class Clause:
    start: int
    lead: Optional[TriggerHit] = None      # the first trigger in the clause, computed on demand
    lead_done: bool = False

    def lead_role(self, text: str, upto: int, how: str = "trigger") -> Role:
        """The subject's role given by the clause's first trigger ('Căn cứ …'), else a plain citation."""
        if not self.lead_done:
            self.lead, self.lead_done = first_trigger(text[self.start:upto]), True
        if self.lead and not self.lead[0].passive:
            trigger, match = self.lead
            opens = not text[self.start:self.start + match.start()].strip(" \t\n*-+•;:")
            if not opens and not governs(trigger, text[self.start + match.end():upto],
                                         text[self.start:self.start + match.start()]):
                return Role("subject", "CITES", "plain", verb=verb_text(match), clause_at=self.start)
            return Role("subject", trigger.relation, how, verb=verb_text(match), verb_at=self.start + match.start(),
                        clause_at=self.start)
        return Role("subject", "CITES", "plain", clause_at=self.start)


@dataclass
class Context:
    """What the role of each mention is read against: the text, its mentions, and what was found so far."""
    text: str
    mentions: list[Mention]
    lines: Lines
    line_of: list[int]                      # the logical line start of each mention
    clauses: list[Clause]
    roles: list[list[Role]]
    by_key: dict[str, Mention]
