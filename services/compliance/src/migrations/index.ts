import { Migration20261128Rules } from './migration-20261128-rules.js';
import { Migration20261128Results } from './migration-20261128-results.js';
import { Migration20261128Escalations } from './migration-20261128-escalations.js';
import { Migration20261128Analytics } from './migration-20261128-analytics.js';
import { Migration20261205Decree } from './migration-20261205-decree.js';
import { Migration20261215SignIn } from './migration-20261215-sign-in.js';
import { Migration20261216SignInNext } from './migration-20261216-sign-in-next.js';
import { Migration20261217ResultsKey } from './migration-20261217-results-key.js';

export const migrations = [
  { name: 'Migration20261128Rules', class: Migration20261128Rules },
  { name: 'Migration20261128Results', class: Migration20261128Results },
  { name: 'Migration20261128Escalations', class: Migration20261128Escalations },
  { name: 'Migration20261128Analytics', class: Migration20261128Analytics },
  { name: 'Migration20261205Decree', class: Migration20261205Decree },
  { name: 'Migration20261215SignIn', class: Migration20261215SignIn },
  { name: 'Migration20261216SignInNext', class: Migration20261216SignInNext },
  { name: 'Migration20261217ResultsKey', class: Migration20261217ResultsKey },
];
