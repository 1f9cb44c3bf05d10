/** Neo4j: the bundled server, connections, schema, the loader and queries. */
export * from './bundled';
export * from './client';
export * from './schema';
export * from './load';
export * from './input';
export * from './query';
export * from './values';
