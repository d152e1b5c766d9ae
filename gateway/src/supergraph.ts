import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { printSchema } from '@apollo/federation-internals';
import { SUBGRAPHS, type SubgraphName } from '@hub/common';

export const schemaFile = (name: SubgraphName): string => fileURLToPath(new URL(`../../services/${name}/schema.graphql`, import.meta.url));

export class CompositionError extends Error {}

/** Composes the subgraphs' checked-in SDL into the supergraph the gateway serves (no runtime introspection). */
export function composeSupergraph(urls: Record<SubgraphName, string>): string {
  return composeSubgraphs(SUBGRAPHS.map((name) => ({ name, url: urls[name], sdl: readFileSync(schemaFile(name), 'utf8') })));
}

export function composeSubgraphs(subgraphs: { name: string; url: string; sdl: string }[]): string {
  return compose(subgraphs).supergraphSdl;
}

/** The SDL clients see (no join__ machinery): what the contract's operations validate against. */
export function composeApiSdl(urls: Record<SubgraphName, string>): string {
  const subgraphs = SUBGRAPHS.map((name) => ({ name, url: urls[name], sdl: readFileSync(schemaFile(name), 'utf8') }));
  return printSchema(compose(subgraphs).schema.toAPISchema());
}

function compose(subgraphs: { name: string; url: string; sdl: string }[]) {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new CompositionError(`Supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return result;
}
