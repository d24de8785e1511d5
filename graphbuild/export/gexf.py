"""GEXF 1.2 (Gephi's own format), written straight from the graph as GraphML is (``graphml``): each node with its
label, each edge with its own id and the relation as its label, typed attributes (lists and dicts as JSON strings)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Union
from xml.sax.saxutils import quoteattr

from .graphml import NOT_XML, attribute_types, items, typed_value

if TYPE_CHECKING:
    from ..graph.model import GraphSource

NAMESPACE = "http://www.gexf.net/1.2draft"


def _attr(text: str) -> str:
    return quoteattr(NOT_XML.sub("", text))


def write_gexf(graph: GraphSource, path: Union[str, Path]) -> None:
    types = attribute_types(graph)
    ids = {key: str(i) for i, key in enumerate(sorted(k for k in types if k[1] != "label"))}
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'<?xml version="1.0" encoding="utf-8"?>\n<gexf xmlns="{NAMESPACE}" version="1.2">\n'
                '  <meta><creator>graphbuild</creator></meta>\n'
                '  <graph defaultedgetype="directed" mode="static">\n')
        for domain in ("node", "edge"):
            f.write(f'    <attributes class="{domain}">\n')
            for (of, name), attr_id in ids.items():
                if of == domain:
                    f.write(f'      <attribute id="{attr_id}" title={_attr(name)} type="{types[(of, name)]}" />\n')
            f.write("    </attributes>\n")
        section = None
        for domain, ident, attributes in items(graph):
            if domain != section:
                f.write(("    </nodes>\n" if section else "") + f"    <{domain}s>\n")
                section = domain
            if isinstance(ident, tuple):
                source, target, key = ident
                f.write(f"      <edge id={_attr(key)} source={_attr(source)} target={_attr(target)} "
                        f"label={_attr(str(attributes.get('relation') or ''))}>")
            else:
                f.write(f"      <node id={_attr(ident)} label={_attr(str(attributes.get('label') or ident))}>")
            values = [(ids[(domain, name)], typed_value(value)[1]) for name, value in attributes.items()
                      if value is not None and name != "label"]
            if values:
                f.write("<attvalues>" + "".join(f'<attvalue for="{i}" value={_attr(v)} />' for i, v in values)
                        + "</attvalues>")
            f.write(f"</{domain}>\n")
        f.write((f"    </{section}s>\n" if section else "") + "  </graph>\n</gexf>\n")
