import { Migration20261128Rules } from './migration-20261128-rules.js';

export const migrations = [{ name: 'Migration20261128Rules', class: Migration20261128Rules }];
