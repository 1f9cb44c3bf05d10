// Which officials inspected which sites (places, organisations, projects): one row per official and
// site, with the visit count, dates and the articles that report them.
// zhkg query --file graph/queries/inspections.cypher
MATCH (p:Person)-[r:INSPECTED]->(s)
WITH p, s, r ORDER BY r.date
RETURN p.name AS official,
       s.name AS site,
       [l IN labels(s) WHERE l IN ['Place', 'Organization', 'Project']][0] AS siteType,
       count(r) AS visits,
       collect(DISTINCT r.date) AS dates,
       collect(DISTINCT r.articleId) AS articles
ORDER BY official, visits DESC, site
