import { Migration } from '@mikro-orm/migrations';

/** The hub page a sign-in link opens once used (docs/DESIGN.md, "Signing in"): the one the person was on when asking. */
export class Migration20261216SignInNext extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table compliance.sign_in_link add column next text');
  }
}
