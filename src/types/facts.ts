/**
 * Facts: the output of the extract and resolve stages, attached to each article.
 */
import type { Article, SourcePosition } from './article';

/** Entity types scored and stored. `Event` is a meeting / ceremony (for ATTENDED); not scored. */
export type EntityType = 'Person' | 'Title' | 'Organization' | 'Place' | 'Project' | 'Event';

/** Extra Neo4j labels a Person may carry. */
export type PersonRole = 'Official' | 'Reporter';

export type RelationType =
  | 'HOLDS_TITLE' // Person -> Title
  | 'INSPECTED' // Person -> Place | Organization | Project
  | 'ACCOMPANIED' // Person -> Person (陪同)
  | 'ATTENDED' // Person -> Event (出席/参加)
  | 'PART_OF' // Place -> Place, Organization -> Organization/Place
  | 'REPORTED' // Person -> Article (byline)
  | 'MENTIONS'; // Article -> entity

/** One occurrence of an entity in an article. */
export interface Mention {
  /** [start, end) into Article.text. */
  start: number;
  end: number;
  /** The surface text, === article.text.slice(start, end). */
  text: string;
  /** Index into ArticleFacts.sentences. */
  sentence: number;
  /** Id of the rule that found it, e.g. "person/title-name". */
  ruleId: string;
}

export interface Entity {
  /** Corpus-wide stable id, e.g. "person:陈红民", "title:二七区区长". The same real thing has the same id in every article. */
  id: string;
  type: EntityType;
  /** Name as written in this article (the longest form seen here). */
  name: string;
  /** Canonical name after resolution (e.g. 区长 -> 二七区区长 under home jurisdiction 二七区). */
  canonical: string;
  /** Extra labels (Person: Official, Reporter). */
  roles?: PersonRole[];
  mentions: Mention[];
}

/** Where a fact comes from. */
export interface Evidence {
  articleId: string;
  /** Index of the sentence in ArticleFacts.sentences. */
  sentenceIndex: number;
  /** The evidence sentence's text. */
  sentence: string;
  /** [start, end) into Article.text covering the fact (subject through object). */
  start: number;
  end: number;
  /** Where `start` lies in the source file. */
  sourceStart?: SourcePosition;
  ruleId: string;
}

export interface Relation {
  /** Stable id: type|source|target|articleId hashed; one relation per pair per article. */
  id: string;
  type: RelationType;
  /** Entity id (or, for MENTIONS, the article id). */
  source: string;
  /** Entity id (or, for REPORTED, the article id). */
  target: string;
  evidence: Evidence;
}

export interface Sentence {
  start: number;
  end: number;
}

/** An article with everything extracted from it: one line of `zhkg extract` output. */
export interface ArticleFacts extends Article {
  sentences: Sentence[];
  entities: Entity[];
  relations: Relation[];
}
