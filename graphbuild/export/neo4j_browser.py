"""What a Neo4j Browser (or Bloom) user needs to explore a loaded graph: a style file and the query library.

``write_browser_files(out_dir)`` writes
- ``style.grass``: Browser's graph style. Browser styles a node by its labels only (no rule on a property), so the
  colours go on the level labels the loader adds (``schema.LEVEL_LABELS``: Central, Province, District, Commune,
  the same colours as the HTML views); captions are a document's symbol and the other nodes' names; relationships
  show their type. Drag it onto the Browser window, or run ``:style`` and paste it.
- ``queries/NAME.cypher``: each query of the library in its Neo4j form, its first line the name Browser shows in
  Favorites, then its purpose and the ``:param`` lines to set before running it (Browser takes parameters from
  ``:param``). ``graphbuild-queries.zip`` holds the same files: Favorites → Import takes it whole. In Bloom, paste a
  query into the search bar or save it as a Saved Cypher.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Union

from ..query import list_queries, load_query
from ..stores.schema import LEVEL_LABELS, NODES

# caption of each label's nodes (Browser's {property} syntax)
CAPTIONS = {"Document": "symbol", "Organization": "name", "Locality": "name", "Person": "name"}
# colours of the nodes without a level label, by label
LABEL_COLORS = {"Document": "#757575", "Organization": "#455a64", "Locality": "#8d6e63", "Person": "#f9a825"}


def style_grass() -> str:
    """Browser's GraSS: the main labels first (caption, a neutral colour), the level labels after them, so that their
    colour wins for a node that has both (Browser applies the matching rules in order)."""
    from ..views.style import LEVEL_COLORS  # the HTML views' colours, so both read alike
    rules = ["node {\n  diameter: 40px;\n  color: #A5ABB6;\n  border-color: #9AA1AC;\n  border-width: 2px;\n"
             "  text-color-internal: #FFFFFF;\n  font-size: 10px;\n}",
             'relationship {\n  color: #A5ABB6;\n  shaft-width: 1px;\n  font-size: 8px;\n  padding: 3px;\n'
             '  text-color-external: #000000;\n  text-color-internal: #FFFFFF;\n  caption: "<type>";\n}']
    for label in NODES:
        rules.append(f"node.{label} {{\n  color: {LABEL_COLORS[label]};\n  border-color: {LABEL_COLORS[label]};\n"
                     f"  caption: \"{{{CAPTIONS[label]}}}\";\n}}")
    for level, label in LEVEL_LABELS.items():
        color = LEVEL_COLORS[level]
        rules.append(f"node.{label} {{\n  color: {color};\n  border-color: {color};\n}}")
    return "\n\n".join(rules) + "\n"


def _param_value(value: object) -> str:
    return "null" if value is None else str(value) if isinstance(value, int) else "'" + str(value).replace("'", "\\'") + "'"


def query_file(name: str) -> str:
    """One query as a Browser favorite: its name, purpose and parameters as comments, then its Cypher."""
    query = load_query(name, engine="neo4j")
    lines = [f"// graphbuild: {name}", f"// {query.purpose}"]
    if query.params:
        lines.append("// Set the parameters first; a document's id: MATCH (d:Document {symbol: '44-KL/TW'}) RETURN d.id")
        for param, default in query.params.items():
            value = _param_value(default) if param not in query.required else "'…'"
            lines.append(f"//   :param {param} => {value}")
    return "\n".join(lines) + "\n" + query.cypher.strip() + "\n"


def write_browser_files(out_dir: Union[str, Path]) -> list[Path]:
    """style.grass, queries/NAME.cypher and graphbuild-queries.zip in ``out_dir``; returns the files written."""
    out = Path(out_dir)
    (out / "queries").mkdir(parents=True, exist_ok=True)
    written = [out / "style.grass"]
    written[0].write_text(style_grass(), encoding="utf-8")
    for name in list_queries():
        path = out / "queries" / f"{name}.cypher"
        path.write_text(query_file(name), encoding="utf-8")
        written.append(path)
    archive = out / "graphbuild-queries.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in written[1:]:
            zf.write(path, path.name)
    return written + [archive]
