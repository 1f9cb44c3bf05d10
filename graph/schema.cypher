// zhkg graph schema (Neo4j 5). Every statement is idempotent (IF NOT EXISTS) and runs in its own
// transaction before any data (src/neo4j/schema.ts runs this file on every `zhkg load`).
//
// Nodes: Article, Person (+ Official, Reporter), Title, Organization, Place, Project, Event.
//        Every node has a unique `id` and a `name`.
// Relationships: (:Person)-[:HOLDS_TITLE]->(:Title), (:Person)-[:INSPECTED]->(:Place|:Organization|:Project),
//        (:Person)-[:ACCOMPANIED]->(:Person), (:Person)-[:ATTENDED]->(:Event),
//        (:Place|:Organization)-[:PART_OF]->(:Place|:Organization), (:Person)-[:REPORTED]->(:Article),
//        (:Article)-[:MENTIONS]->(entity). Each carries id, articleId, date, sentence, start, end, ruleId
//        (+ line, column), so every fact points back to its evidence.

// One node per id and label: MERGE looks nodes up through these.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT title_id IF NOT EXISTS FOR (n:Title) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;

// Names, for lookups like MATCH (p:Person {name: '陈红民'}).
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX title_name IF NOT EXISTS FOR (n:Title) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name);

// Provenance: an article's facts are found (and replaced on reload) by articleId.
CREATE INDEX holds_title_article IF NOT EXISTS FOR ()-[r:HOLDS_TITLE]-() ON (r.articleId);
CREATE INDEX inspected_article IF NOT EXISTS FOR ()-[r:INSPECTED]-() ON (r.articleId);
CREATE INDEX accompanied_article IF NOT EXISTS FOR ()-[r:ACCOMPANIED]-() ON (r.articleId);
CREATE INDEX attended_article IF NOT EXISTS FOR ()-[r:ATTENDED]-() ON (r.articleId);
CREATE INDEX part_of_article IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.articleId);
CREATE INDEX reported_article IF NOT EXISTS FOR ()-[r:REPORTED]-() ON (r.articleId);
CREATE INDEX mentions_article IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.articleId);

// One relationship per fact id (type|article|source->target): a reload can never duplicate a fact.
CREATE CONSTRAINT holds_title_id IF NOT EXISTS FOR ()-[r:HOLDS_TITLE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT inspected_id IF NOT EXISTS FOR ()-[r:INSPECTED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT accompanied_id IF NOT EXISTS FOR ()-[r:ACCOMPANIED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT attended_id IF NOT EXISTS FOR ()-[r:ATTENDED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT reported_id IF NOT EXISTS FOR ()-[r:REPORTED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT mentions_id IF NOT EXISTS FOR ()-[r:MENTIONS]-() REQUIRE r.id IS UNIQUE;
