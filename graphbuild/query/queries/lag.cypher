// purpose: How fast documents were implemented: lag in days between a document and the one it implements,
//          by level and province (count, min, average, max), within the implementation tree of a document.
// param: id = null — the root document's id; null for every implementation edge in the graph
// example: graphbuild query lag --doc 43-CT/TW
MATCH (d:Document)-[r:IMPLEMENTS|CONTINUES]->(m:Document)
WHERE r.lag_days IS NOT NULL
  AND (m.id = $id OR EXISTS { MATCH (m)-[:IMPLEMENTS|CONTINUES*1..12]->(t:Document {id: $id}) } OR $id IS NULL)
RETURN d.level AS level, d.province AS province, count(*) AS edges, min(r.lag_days) AS min_days,
       avg(r.lag_days) AS avg_days, max(r.lag_days) AS max_days
ORDER BY level, province
