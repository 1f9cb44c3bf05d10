// One official's timeline: every fact about $name in date order, with its evidence sentence.
// zhkg query --file graph/queries/official-timeline.cypher --param name=陈红民
MATCH (p:Person {name: $name})-[r]-(x)
WHERE type(r) IN ['HOLDS_TITLE', 'INSPECTED', 'ACCOMPANIED', 'ATTENDED', 'REPORTED']
RETURN r.date AS date,
       CASE WHEN startNode(r) = p THEN type(r) ELSE type(r) + ' (by)' END AS fact,
       x.name AS other,
       r.articleId AS article,
       r.sentence AS evidence
ORDER BY date, article, r.start, fact
