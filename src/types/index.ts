export * from './article';
export * from './facts';
export * from './diagnostics';
export * from './graph';
