import { Migration20261128Materials } from './migration-20261128-materials.js';

export const migrations = [{ name: 'Migration20261128Materials', class: Migration20261128Materials }];
