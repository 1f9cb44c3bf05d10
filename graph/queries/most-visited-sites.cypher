// Most-visited sites: how often each place / organisation / project was inspected, and by whom.
// zhkg query --file graph/queries/most-visited-sites.cypher
MATCH (p:Person)-[r:INSPECTED]->(s)
RETURN s.name AS site,
       [l IN labels(s) WHERE l IN ['Place', 'Organization', 'Project']][0] AS siteType,
       count(r) AS visits,
       count(DISTINCT p) AS officials,
       collect(DISTINCT p.name) AS visitors,
       min(r.date) AS first,
       max(r.date) AS last
ORDER BY visits DESC, site
LIMIT 25
