import { Migration20261208Monitoring } from './migration-20261208-monitoring.js';

/** Checked-in migrations in the order they run; the name is what the migrations table records. */
export const migrations = [{ name: 'Migration20261208Monitoring', class: Migration20261208Monitoring }];
