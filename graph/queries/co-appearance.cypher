// Who appears with whom: pairs of people named in the same articles, most frequent first.
// Reporters (byline names) are left out: they share every article they write.
// zhkg query --file graph/queries/co-appearance.cypher
MATCH (a:Article)-[:MENTIONS]->(p:Person)
MATCH (a)-[:MENTIONS]->(q:Person)
WHERE p.id < q.id AND NOT p:Reporter AND NOT q:Reporter
RETURN p.name AS person,
       q.name AS appearsWith,
       count(DISTINCT a) AS articles,
       collect(DISTINCT a.id)[..5] AS sampleArticles
ORDER BY articles DESC, person, appearsWith
LIMIT 50
