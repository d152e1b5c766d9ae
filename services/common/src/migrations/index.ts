import { Migration20261202AuditLog } from './migration-20261202-audit-log.js';

/** Migrations of what every subgraph shares: each runs them after its own (see initOrm). */
export const sharedMigrations = [{ name: 'Migration20261202AuditLog', class: Migration20261202AuditLog }];
