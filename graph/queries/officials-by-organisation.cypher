// Officials by organisation: a title belongs to an organisation when the title is PART_OF it or
// when its name starts with the organisation's name (二七区委书记 -> 二七区委).
// zhkg query --file graph/queries/officials-by-organisation.cypher
MATCH (p:Person)-[:HOLDS_TITLE]->(t:Title)
OPTIONAL MATCH (t)-[:PART_OF]->(o1:Organization)
OPTIONAL MATCH (o2:Organization) WHERE o1 IS NULL AND t.name STARTS WITH o2.name
WITH p, t, coalesce(o1, o2) AS o
WHERE o IS NOT NULL
RETURN o.name AS organisation,
       count(DISTINCT p) AS officials,
       collect(DISTINCT p.name + '（' + t.name + '）') AS members
ORDER BY officials DESC, organisation
