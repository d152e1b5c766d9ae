import { Migration20261208Monitoring } from './migration-20261208-monitoring.js';
import { Migration20261210PlacementEvidence } from './migration-20261210-placement-evidence.js';
import { Migration20261211PageHealth } from './migration-20261211-page-health.js';
import { Migration20261212PostReach } from './migration-20261212-post-reach.js';
import { Migration20261213ImageHashes } from './migration-20261213-image-hashes.js';

/** Checked-in migrations in the order they run; the name is what the migrations table records. */
export const migrations = [
  { name: 'Migration20261208Monitoring', class: Migration20261208Monitoring },
  { name: 'Migration20261210PlacementEvidence', class: Migration20261210PlacementEvidence },
  { name: 'Migration20261211PageHealth', class: Migration20261211PageHealth },
  { name: 'Migration20261212PostReach', class: Migration20261212PostReach },
  { name: 'Migration20261213ImageHashes', class: Migration20261213ImageHashes },
];
