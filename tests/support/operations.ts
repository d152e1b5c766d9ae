import { readFileSync } from 'node:fs';
import { parse, print, type OperationDefinitionNode } from 'graphql';

/** The project's copy of the public contract's operations (a user's clone has no ../shared). */
export const CONTRACT_FILE = new URL('../contract/operations.graphql', import.meta.url);
const document = parse(readFileSync(CONTRACT_FILE, 'utf8'));

export const contractOperations: OperationDefinitionNode[] = document.definitions.filter(
  (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
);

/** The text of one named contract operation, exactly as clients send it. */
export function operation(name: string): string {
  const found = contractOperations.find((d) => d.name?.value === name);
  if (!found) throw new Error(`no contract operation ${name}`);
  return print(found);
}
