"""GraphML (Gephi, yEd), written straight from the graph: every edge with its own id (``items.edge_key``), every node
labelled with its symbol or name; scalars as typed keys (long, double, boolean, string), lists and dicts as JSON
strings, None left out. networkx's writer builds a copy and the whole XML tree first (12% of a build)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Union
from xml.sax.saxutils import escape, quoteattr

from .items import Attributes, edges, nodes

if TYPE_CHECKING:
    from ..graph.model import GraphSource

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")   # PDF form feeds and the like
Item = tuple[str, Union[str, tuple[str, str, str]], Attributes]


def typed_value(value: Any) -> tuple[str, str]:
    """(type, text) of one attribute value; the type's name is the same in GraphML and GEXF."""
    if isinstance(value, (list, dict)):
        return "string", NOT_XML.sub("", json.dumps(value, ensure_ascii=False))
    if isinstance(value, bool):
        return "boolean", "true" if value else "false"
    if isinstance(value, int):
        return "long", str(value)
    if isinstance(value, float):
        return "double", repr(value)
    return "string", NOT_XML.sub("", str(value))


def items(graph: GraphSource) -> Iterator[Item]:
    """(domain, node id or (source, target, key), attributes): every node, then every edge."""
    for node_id, attributes in nodes(graph):
        yield "node", node_id, attributes
    for source, target, key, attributes in edges(graph):
        yield "edge", (source, target, key), attributes


def attribute_types(graph: GraphSource) -> dict[tuple[str, str], str]:
    """(domain, attribute) -> its type over the whole graph (a key seen with two types is a string): one pass."""
    types: dict[tuple[str, str], str] = {}
    for domain, _, attributes in items(graph):
        for name, value in attributes.items():
            if value is not None:
                kind = typed_value(value)[0]
                old = types.get((domain, name))
                types[(domain, name)] = kind if old in (None, kind) else "string"
    return types


def write_graphml(graph: GraphSource, path: Union[str, Path]) -> None:
    """Two passes over the graph: the first learns each attribute's type, the second writes."""
    types = attribute_types(graph)
    key_ids = {key: f"d{i}" for i, key in enumerate(sorted(types))}
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        for (domain, name), key_id in key_ids.items():
            f.write(f'  <key id="{key_id}" for="{domain}" attr.name={quoteattr(name)} '
                    f'attr.type="{types[(domain, name)]}" />\n')
        f.write('  <graph edgedefault="directed">\n')
        for domain, ident, attributes in items(graph):
            if isinstance(ident, tuple):
                source, target, key = ident
                f.write(f"    <edge source={quoteattr(str(source))} target={quoteattr(str(target))} "
                        f"id={quoteattr(str(key))}>")
            else:
                f.write(f"    <node id={quoteattr(str(ident))}>")
            for name, value in attributes.items():
                if value is not None:
                    f.write(f'<data key="{key_ids[(domain, name)]}">{escape(typed_value(value)[1])}</data>')
            f.write(f"</{domain}>\n")
        f.write("  </graph>\n</graphml>\n")
