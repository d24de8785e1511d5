"""The built graph in other tools' formats: GraphML (Gephi, yEd) and node-link JSON (networkx, d3)."""
