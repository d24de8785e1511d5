// purpose: How fast a document was implemented, by level and province. Lag: for each locality (a central body: each
//          issuer), the days from the document's date to the first dated document of that locality that implements
//          it, directly or through other implementing documents, by IMPLEMENTS edges only. A document that
//          CONTINUES it (or reaches it only through a CONTINUES edge: "tiếp tục thực hiện" an older directive) is
//          carrying on earlier work, not implementing it: such localities are counted apart, in rows with
//          counted_as = CONTINUES, unless continues=true counts them as implementing.
// param: id — the document's id
// param: continues: flag = false — true: count a document that continues it as one that implements it
// example: graphbuild query lag --doc 43-CT/TW
MATCH (t:Document {id: $id})
MATCH (d:Document)-[:IMPLEMENTS|CONTINUES*1..12]->(t)
WHERE d.day_number IS NOT NULL AND t.day_number IS NOT NULL
OPTIONAL MATCH (d)-[:ISSUED_BY]->(o:Organization)
WITH d, t, o, EXISTS { MATCH (d)-[:IMPLEMENTS*1..12]->(t) } AS implements
WITH CASE WHEN implements OR $continues THEN 'IMPLEMENTS' ELSE 'CONTINUES' END AS counted_as,
     coalesce(d.locality_id, o.id, d.id) AS locality, d.level AS level, d.province AS province,
     min(d.day_number - t.day_number) AS lag
RETURN counted_as, level, province, count(*) AS localities, min(lag) AS min_days, avg(lag) AS avg_days,
       max(lag) AS max_days
ORDER BY counted_as DESC, level, province
