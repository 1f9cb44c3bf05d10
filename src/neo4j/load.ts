/**
 * The Neo4j loader: ArticleFacts -> nodes and relationships (through articleToGraph, the same
 * mapping the Graphology graph uses), in batches, idempotently and incrementally.
 *
 * Per batch of articles:
 *   1. one read: which of these Article nodes already exist, with which contentHash;
 *   2. articles whose text and facts are unchanged (contentHash + factsHash) are skipped;
 *   3. the new and changed ones are written in ONE managed write transaction (retried on
 *      transient errors, so never half-applied):
 *        a. MERGE their Article nodes first (this locks them: concurrent loads of one article queue),
 *        b. delete the old relationships of those that existed (by articleId, per relationship type),
 *        c. MERGE the entity nodes by id (UNWIND per label) and set their extra labels,
 *        d. MERGE the relationships by id (UNWIND per relationship type),
 *        e. delete entity nodes left without any relationship (from the old facts).
 *      a-c are one statement (CALL subqueries), d one more, e a third only when something was
 *      deleted: three round trips per batch, however many labels and types it holds.
 *   The Article node carries the contentHash and is written in the same transaction as its facts,
 *   so a load killed half-way leaves whole articles only, and the next load finishes the rest.
 *
 * Cypher text is never built from data: labels and relationship types are picked from fixed
 * whitelists below (labels cannot be parameters); every value travels as a parameter.
 */
import { createHash } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { articleToGraph } from '../resolve/to-graph';
import type { ArticleFacts } from '../types/facts';
import type { ArticleGraph, GraphEdge, GraphNode, NodeLabel } from '../types/graph';
import type { RelationType } from '../types/facts';
import { toParam, toPlain } from './values';

/** The only node labels the loader writes. */
export const NODE_LABELS: readonly NodeLabel[] = ['Article', 'Person', 'Title', 'Organization', 'Place', 'Project', 'Event'];
/** Extra labels a node may carry (Person: Official, Reporter). */
export const EXTRA_LABELS: readonly string[] = ['Official', 'Reporter'];
/** The only relationship types the loader writes. */
export const REL_TYPES: readonly RelationType[] = ['HOLDS_TITLE', 'INSPECTED', 'ACCOMPANIED', 'ATTENDED', 'PART_OF', 'REPORTED', 'MENTIONS'];

export interface LoadOptions {
  /** Target database (default: the server's default). */
  database?: string;
  /** Flush a batch when it holds this many nodes + relationships (default 2000). */
  batchRows?: number;
  /** ...or this many articles (default 500). */
  batchArticles?: number;
  /** Rewrite every article even when its contentHash is unchanged. */
  force?: boolean;
  /** How relationships are written (default 'create'; see RelWriteMode). */
  relWrite?: RelWriteMode;
  /**
   * Afterwards the database holds only this load's articles: Article nodes not in it are deleted
   * with their facts, and entities left unconnected with them (what `zhkg regenerate` does; only
   * right when the load holds the whole corpus). A function is asked after the last article is
   * read, e.g. to prune only when no input was rejected.
   */
  prune?: boolean | (() => boolean);
  /** Called after each committed batch. */
  onBatch?: (progress: LoadSummary) => void;
}

export interface LoadSummary {
  /** Articles read from the input. */
  articles: number;
  /** New articles written. */
  loaded: number;
  /** Articles whose content changed: old facts replaced. */
  replaced: number;
  /** Articles with an unchanged contentHash: not touched. */
  skipped: number;
  /** Articles in the database but not in this load, deleted (only with `prune`). */
  pruned: number;
  /** Write transactions committed. */
  batches: number;
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  /** Relationship rows written (created or re-asserted). */
  relationshipsWritten: number;
}

export function emptyLoadSummary(): LoadSummary {
  return {
    articles: 0,
    loaded: 0,
    replaced: 0,
    skipped: 0,
    pruned: 0,
    batches: 0,
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    relationshipsWritten: 0,
  };
}

function checkLabel(label: string): string {
  if (!(NODE_LABELS as readonly string[]).includes(label)) throw new Error(`loader: node label "${label}" is not in the schema whitelist`);
  return label;
}
function checkExtra(label: string): string {
  if (!EXTRA_LABELS.includes(label)) throw new Error(`loader: extra label "${label}" is not in the schema whitelist`);
  return label;
}
function checkType(type: string): string {
  if (!(REL_TYPES as readonly string[]).includes(type)) throw new Error(`loader: relationship type "${type}" is not in the schema whitelist`);
  return type;
}

// Statement texts, built once from the whitelists (never from data). A batch takes three round
// trips: NODES (articles, old facts, entities), RELS (all relationships), and ORPHANS when needed.
const ENTITY_LABELS = NODE_LABELS.filter((l) => l !== 'Article');
const ALIASES = `n.aliases = CASE WHEN row.aliases IS NULL THEN n.aliases
        ELSE reduce(acc = coalesce(n.aliases, []), x IN row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END) END`;
const extraParam = (label: string, extra: string) => `x_${label}_${extra}`;

/**
 * Delete the facts (every relationship type, by articleId) of the articles `unwind` yields as aid;
 * each CALL returns the ids of the facts' ends as d_<type> (TOUCHED joins them).
 */
const deleteFacts = (unwind: string) =>
  REL_TYPES.map(
    (t) => `CALL {
     ${unwind} AS aid
     MATCH (s)-[r:${t} {articleId: aid}]->(e)
     WITH r, s.id AS sid, e.id AS eid
     DELETE r
     RETURN collect(sid) + collect(eid) AS d_${t}
   }`,
  );
const TOUCHED = REL_TYPES.map((t) => `d_${t}`).join(' + ');
/** The ids in a statement's `touched` column (the ends of the deleted facts), once each. */
const touchedIds = (rec: { get(key: string): unknown }) =>
  new Set<string>((rec.get('touched') as (string | null)[]).filter((x): x is string => x !== null));

/**
 * Articles first: MERGE locks each article's id, so a concurrent load of the same article waits here
 * and then sees (and replaces) what the other one committed. Then the old facts of the articles
 * that existed, then the entity nodes and their extra labels. Returns the element id of every node
 * written (used, within this transaction only, to find relationship ends without label lookups).
 */
const NODES_STATEMENT = [
  `CALL {
     UNWIND $Article AS row
     MERGE (n:Article {id: row.id})
     WITH n, row, n.contentHash IS NOT NULL AS existed
     SET n += row.props, n.name = row.name
     RETURN collect(CASE WHEN existed THEN n.id END) AS existed, collect([row.id, elementId(n)]) AS e_Article
   }`,
  ...deleteFacts('WITH existed\n     UNWIND existed'),
  ...ENTITY_LABELS.map(
    (l) => `CALL {
     UNWIND $${l} AS row
     MERGE (n:${l} {id: row.id})
     SET n += row.props, n.name = row.name, ${ALIASES}
     RETURN collect([row.id, elementId(n)]) AS e_${l}
   }`,
  ),
  ...NODE_LABELS.flatMap((l) =>
    EXTRA_LABELS.map(
      (x) => `CALL {
     UNWIND $${extraParam(l, x)} AS id
     MATCH (n:${l} {id: id})
     SET n:${x}
   }`,
    ),
  ),
  `RETURN existed,
          ${TOUCHED} AS touched,
          {${NODE_LABELS.map((l) => `${l}: e_${l}`).join(', ')}} AS elementIds`,
].join('\n');

/**
 * 'create' (default): CREATE without a lookup, which is safe because relationship ids are scoped by
 * article (to-graph: type + ends + article id), the article's old relationships were deleted earlier
 * in the same transaction after its Article node was locked, unchanged articles are skipped, and
 * batchRows keeps one row per id: so every id written is new (the uniqueness constraint on r.id
 * still refuses a duplicate). 'merge': MERGE by fact id (a lookup per relationship; slower).
 */
export type RelWriteMode = 'create' | 'merge';

const relsStatement = (mode: RelWriteMode) =>
  [
    ...REL_TYPES.map(
      (t) => `CALL {
     UNWIND $${t} AS row
     MATCH (a) WHERE elementId(a) = row.s
     MATCH (b) WHERE elementId(b) = row.t
     ${mode === 'merge' ? `MERGE (a)-[r:${t} {id: row.id}]->(b)\n     SET r += row.props` : `CREATE (a)-[r:${t}]->(b)\n     SET r = row.props, r.id = row.id`}
   }`,
    ),
    'RETURN 0 AS done',
  ].join('\n');
const RELS_STATEMENT: Record<RelWriteMode, string> = { merge: relsStatement('merge'), create: relsStatement('create') };

/** Delete whole articles: their facts (every type, by articleId), the Article nodes; returns the facts' ends. */
const DELETE_ARTICLES_STATEMENT = [
  ...deleteFacts('UNWIND $ids'),
  `CALL {
     UNWIND $ids AS aid
     MATCH (a:Article {id: aid})
     DETACH DELETE a
   }`,
  `RETURN ${TOUCHED} AS touched`,
].join('\n');

const ORPHANS_STATEMENT = [
  ...ENTITY_LABELS.map(
    (l) => `CALL {
     UNWIND $ids AS id
     MATCH (n:${l} {id: id})
     WHERE NOT (n)--()
     DELETE n
   }`,
  ),
  'RETURN 0 AS done',
].join('\n');

interface NodeRow {
  id: string;
  name: string;
  aliases: string[] | null;
  props: Record<string, unknown>;
}
interface RelRow {
  id: string;
  source: string;
  target: string;
  sourceLabel: string;
  targetLabel: string;
  props: Record<string, unknown>;
}

/** The parameter rows of one batch: nodes by label, extra-label ids, relationships by type. */
export interface BatchRows {
  articleIds: string[];
  nodes: Record<string, NodeRow[]>;
  extra: Record<string, string[]>;
  rels: Record<string, RelRow[]>;
  relCount: number;
}

function nodeRow(n: GraphNode): NodeRow {
  const { aliases, ...rest } = n.props;
  return {
    id: n.id,
    name: n.name,
    aliases: Array.isArray(aliases) ? (aliases as string[]) : null,
    props: toParam(rest) as Record<string, unknown>,
  };
}

/** Group the graphs of a batch into parameter rows (nodes deduplicated by label + id). */
export function batchRows(graphs: ArticleGraph[]): BatchRows {
  const nodes = new Map<string, Map<string, NodeRow>>(NODE_LABELS.map((l) => [l, new Map()]));
  const extra: Record<string, Set<string>> = {};
  for (const l of NODE_LABELS) for (const x of EXTRA_LABELS) extra[extraParam(l, x)] = new Set();
  const rels: Record<string, RelRow[]> = Object.fromEntries(REL_TYPES.map((t) => [t, []]));
  const relIndex = new Map<string, number>();
  let relCount = 0;
  for (const g of graphs) {
    const labelOf = new Map<string, string>();
    const fh = factsHash(g);
    for (const n of g.nodes) {
      const label = checkLabel(n.label);
      labelOf.set(n.id, label);
      const byId = nodes.get(label)!;
      const prev = byId.get(n.id);
      const row = nodeRow(n);
      if (label === 'Article' && n.id === g.articleId) row.props.factsHash = fh;
      if (prev && prev.aliases && row.aliases) row.aliases = [...new Set([...prev.aliases, ...row.aliases])];
      byId.set(n.id, row);
      for (const x of n.extraLabels) extra[extraParam(label, checkExtra(x))].add(n.id);
    }
    for (const e of g.edges) {
      const sourceLabel = labelOf.get(e.source);
      const targetLabel = labelOf.get(e.target);
      if (!sourceLabel || !targetLabel) continue; // to-graph only emits edges between its own nodes
      const type = checkType(e.type);
      // one row per relationship id (a later duplicate replaces an earlier one): 'create' mode
      // must never write one id twice in a batch
      const at = relIndex.get(`${type}\u0000${e.id}`);
      const row = {
        id: e.id,
        source: e.source,
        target: e.target,
        sourceLabel,
        targetLabel,
        props: toParam(e.props) as Record<string, unknown>,
      };
      if (at !== undefined) rels[type][at] = row;
      else {
        relIndex.set(`${type}\u0000${e.id}`, rels[type].length);
        rels[type].push(row);
        relCount++;
      }
    }
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    articleIds: graphs.map((g) => g.articleId),
    // sorted by id: concurrent loads then lock shared nodes in the same order (fewer deadlocks)
    nodes: Object.fromEntries([...nodes].map(([l, m]) => [l, [...m.values()].sort(byId)])),
    extra: Object.fromEntries(Object.entries(extra).map(([k, ids]) => [k, [...ids].sort()])),
    rels,
    relCount,
  };
}

interface Counters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
}

/** Write one batch (articles already known to be new or changed) in the given transaction. */
export async function writeBatch(tx: ManagedTransaction, rows: BatchRows, mode: RelWriteMode = 'create'): Promise<Counters> {
  const c: Counters = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };
  const add = (u: { nodesCreated: number; nodesDeleted: number; relationshipsCreated: number; relationshipsDeleted: number }) => {
    c.nodesCreated += u.nodesCreated;
    c.nodesDeleted += u.nodesDeleted;
    c.relationshipsCreated += u.relationshipsCreated;
    c.relationshipsDeleted += u.relationshipsDeleted;
  };
  // 1. articles (locked first), their old facts, entity nodes, extra labels
  const nodes = await tx.run(NODES_STATEMENT, { ...rows.nodes, ...rows.extra });
  add(nodes.summary.counters.updates());
  const rec = nodes.records[0];
  const touched = touchedIds(rec);
  const elementIds = new Map<string, string>();
  for (const [label, pairs] of Object.entries(rec.get('elementIds') as Record<string, [string, string][]>)) {
    for (const [id, eid] of pairs) elementIds.set(`${label}\u0000${id}`, eid);
  }
  // 2. relationships, all types in one statement, their ends found by element id
  const relParams: Record<string, unknown[]> = {};
  for (const [type, list] of Object.entries(rows.rels)) {
    relParams[type] = list.map((r) => {
      const s = elementIds.get(`${r.sourceLabel}\u0000${r.source}`);
      const t = elementIds.get(`${r.targetLabel}\u0000${r.target}`);
      if (!s || !t) throw new Error(`loader: relationship ${r.id} has an end that was not written`);
      return { id: r.id, s, t, props: r.props };
    });
  }
  const res = await tx.run(RELS_STATEMENT[mode], relParams);
  add(res.summary.counters.updates());
  // 3. entities the old facts left unconnected
  if (touched.size > 0) {
    const orphans = await tx.run(ORPHANS_STATEMENT, { ids: [...touched] });
    add(orphans.summary.counters.updates());
  }
  return c;
}

/**
 * What identifies an article's state in the graph: its text (contentHash) and what was extracted
 * from it (factsHash, over the mapped nodes and edges). A changed extractor changes the facts of an
 * unchanged text, so both must match for an article to be skipped.
 */
const factsHashes = new WeakMap<ArticleGraph, string>();
export function factsHash(g: ArticleGraph): string {
  let h = factsHashes.get(g);
  if (!h) {
    h = createHash('sha256').update(JSON.stringify([g.nodes, g.edges])).digest('hex').slice(0, 16);
    factsHashes.set(g, h);
  }
  return h;
}

async function existingHashes(driver: Driver, ids: string[], database?: string): Promise<Map<string, string | null>> {
  const res = await driver.executeQuery(
    'UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.contentHash + "/" + coalesce(a.factsHash, "") AS hash',
    { ids },
    { database, routing: 'WRITE' },
  );
  return new Map(res.records.map((r) => [r.get('id') as string, (r.get('hash') as string | null) ?? null]));
}

/** Run `work` in one write transaction of a fresh session (causally after earlier executeQuery calls). */
async function inWriteTransaction<T>(driver: Driver, database: string | undefined, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE', bookmarkManager: driver.executeQueryBookmarkManager });
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close();
  }
}

async function* iterate<T>(items: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  for await (const x of items as AsyncIterable<T>) yield x;
}

/**
 * Load articles into Neo4j (schema must exist: see ensureSchema). Idempotent: loading the same
 * articles again changes nothing; an article whose contentHash changed has its old facts replaced.
 */
export async function loadArticles(
  driver: Driver,
  articles: Iterable<ArticleFacts> | AsyncIterable<ArticleFacts>,
  opts: LoadOptions = {},
): Promise<LoadSummary> {
  const summary = emptyLoadSummary();
  const maxRows = opts.batchRows ?? 2000;
  const maxArticles = opts.batchArticles ?? 500;
  let pending = new Map<string, ArticleGraph>();
  let pendingRows = 0;

  const flush = async () => {
    if (pending.size === 0) return;
    const graphs = [...pending.values()];
    pending = new Map();
    pendingRows = 0;
    const hashes = await existingHashes(driver, graphs.map((g) => g.articleId), opts.database);
    const todo: ArticleGraph[] = [];
    let loaded = 0;
    let replaced = 0;
    for (const g of graphs) {
      const old = hashes.get(g.articleId);
      if (old === undefined) loaded++;
      else if (old !== `${g.contentHash}/${factsHash(g)}` || opts.force) replaced++;
      else {
        summary.skipped++;
        continue;
      }
      todo.push(g);
    }
    if (todo.length === 0) return;
    const rows = batchRows(todo);
    const c = await inWriteTransaction(driver, opts.database, (tx) => writeBatch(tx, rows, opts.relWrite ?? 'create'));
    summary.nodesCreated += c.nodesCreated;
    summary.nodesDeleted += c.nodesDeleted;
    summary.relationshipsCreated += c.relationshipsCreated;
    summary.relationshipsDeleted += c.relationshipsDeleted;
    summary.loaded += loaded;
    summary.replaced += replaced;
    summary.relationshipsWritten += rows.relCount;
    summary.batches++;
    opts.onBatch?.({ ...summary });
  };

  const seen = opts.prune ? new Set<string>() : null;
  for await (const a of iterate(articles)) {
    summary.articles++;
    const g = articleToGraph(a);
    seen?.add(g.articleId);
    if (pending.has(g.articleId)) {
      // the same article twice in one batch: the later version wins
      summary.articles--;
      pending.delete(g.articleId);
    }
    pending.set(g.articleId, g);
    pendingRows += g.nodes.length + g.edges.length;
    if (pendingRows >= maxRows || pending.size >= maxArticles) await flush();
  }
  await flush();
  if (seen && (typeof opts.prune === 'function' ? opts.prune() : opts.prune)) await pruneArticles(driver, seen, summary, opts);
  return summary;
}

/** Delete the articles not in `keep` (with their facts and the entities left unconnected), in batches. */
async function pruneArticles(driver: Driver, keep: Set<string>, summary: LoadSummary, opts: LoadOptions): Promise<void> {
  const all = await driver.executeQuery('MATCH (a:Article) RETURN a.id AS id', {}, { database: opts.database, routing: 'WRITE' });
  const stale = all.records.map((r) => r.get('id') as string).filter((id) => !keep.has(id));
  const size = opts.batchArticles ?? 500;
  for (let i = 0; i < stale.length; i += size) {
    const ids = stale.slice(i, i + size);
    const c = await inWriteTransaction(driver, opts.database, async (tx) => {
      const res = await tx.run(DELETE_ARTICLES_STATEMENT, { ids });
      const u = { ...res.summary.counters.updates() };
      const touched = touchedIds(res.records[0]);
      if (touched.size > 0) {
        const o = (await tx.run(ORPHANS_STATEMENT, { ids: [...touched] })).summary.counters.updates();
        u.nodesDeleted += o.nodesDeleted;
        u.relationshipsDeleted += o.relationshipsDeleted;
      }
      return u;
    });
    summary.nodesDeleted += c.nodesDeleted;
    summary.relationshipsDeleted += c.relationshipsDeleted;
    summary.pruned += ids.length;
    summary.batches++;
    opts.onBatch?.({ ...summary });
  }
}

/** Node and relationship totals in the database (from the count store: cheap). */
export async function graphCounts(driver: Driver, database?: string): Promise<{ nodes: number; relationships: number }> {
  const n = await driver.executeQuery('MATCH (n) RETURN count(n) AS c', {}, { database, routing: 'READ' });
  const r = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS c', {}, { database, routing: 'READ' });
  return { nodes: toPlain(n.records[0].get('c')) as number, relationships: toPlain(r.records[0].get('c')) as number };
}
