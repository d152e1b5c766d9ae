import { Migration20261128Registry } from './migration-20261128-registry.js';
import { Migration20261128Directory } from './migration-20261128-directory.js';
import { Migration20261128Placements } from './migration-20261128-placements.js';
import { Migration20261128WidgetGap } from './migration-20261128-widget-gap.js';
import { Migration20261128MailDirectory } from './migration-20261128-mail-directory.js';
import { Migration20261201UptakeIndexes } from './migration-20261201-uptake-indexes.js';
import { Migration20261202PlacementCounts } from './migration-20261202-placement-counts.js';
import { Migration20261203LastReport } from './migration-20261203-last-report.js';
import { Migration20261205PlacementCorrections } from './migration-20261205-placement-corrections.js';
import { Migration20261206MaterialUptake } from './migration-20261206-material-uptake.js';
import { Migration20261207InputHygiene } from './migration-20261207-input-hygiene.js';

/** Checked-in migrations in the order they run; the name is what the migrations table records. */
import { Migration20261208PageDirectory } from './migration-20261208-page-directory.js';
import { Migration20261209PlacementSource } from './migration-20261209-placement-source.js';
import { Migration20261210PlacementDirectory } from './migration-20261210-placement-directory.js';
import { Migration20261214People } from './migration-20261214-people.js';
import { Migration20261215PersonDirectory } from './migration-20261215-person-directory.js';
export const migrations = [
  { name: 'Migration20261128Registry', class: Migration20261128Registry },
  { name: 'Migration20261128Directory', class: Migration20261128Directory },
  { name: 'Migration20261128Placements', class: Migration20261128Placements },
  { name: 'Migration20261128WidgetGap', class: Migration20261128WidgetGap },
  { name: 'Migration20261128MailDirectory', class: Migration20261128MailDirectory },
  { name: 'Migration20261201UptakeIndexes', class: Migration20261201UptakeIndexes },
  { name: 'Migration20261202PlacementCounts', class: Migration20261202PlacementCounts },
  { name: 'Migration20261203LastReport', class: Migration20261203LastReport },
  { name: 'Migration20261205PlacementCorrections', class: Migration20261205PlacementCorrections },
  { name: 'Migration20261206MaterialUptake', class: Migration20261206MaterialUptake },
  { name: 'Migration20261207InputHygiene', class: Migration20261207InputHygiene },
  { name: 'Migration20261208PageDirectory', class: Migration20261208PageDirectory },
  { name: 'Migration20261209PlacementSource', class: Migration20261209PlacementSource },
  { name: 'Migration20261210PlacementDirectory', class: Migration20261210PlacementDirectory },
  { name: 'Migration20261214People', class: Migration20261214People },
  { name: 'Migration20261215PersonDirectory', class: Migration20261215PersonDirectory },
];
