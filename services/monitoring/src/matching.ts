// The package's matching API (`@hub/monitoring/matching`): the benchmarks and the demo's corpus read it.
export * from './domain/match.js';
export * from './domain/text-fingerprint.js';
