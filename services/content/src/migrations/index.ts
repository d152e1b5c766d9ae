import { Migration20261128Materials } from './migration-20261128-materials.js';
import { Migration20261128Distribution } from './migration-20261128-distribution.js';
import { Migration20261128ReceivedLog } from './migration-20261128-received-log.js';
import { Migration20261210MethodologicalNotes } from './migration-20261210-methodological-notes.js';
import { Migration20261211MaterialText } from './migration-20261211-material-text.js';

export const migrations = [
  { name: 'Migration20261128Materials', class: Migration20261128Materials },
  { name: 'Migration20261128Distribution', class: Migration20261128Distribution },
  { name: 'Migration20261128ReceivedLog', class: Migration20261128ReceivedLog },
  { name: 'Migration20261210MethodologicalNotes', class: Migration20261210MethodologicalNotes },
  { name: 'Migration20261211MaterialText', class: Migration20261211MaterialText },
];
