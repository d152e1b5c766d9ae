import { Migration } from '@mikro-orm/migrations';

/**
 * Sign-in by an e-mailed link (docs/DESIGN.md, "Signing in"): the links sent, each good once for
 * 15 minutes; the requests, counted per address and per client to limit them; and the sessions a
 * used link opens. Only hashes of the link's token and of the session id are stored: a copy of
 * the database opens nothing.
 */
export class Migration20261215SignIn extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table compliance.sign_in_link (
        token_hash text primary key,
        email text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        used_at timestamptz
      )`);
    this.addSql(`
      create table compliance.sign_in_request (
        email text not null,
        client text not null,
        requested_at timestamptz not null
      )`);
    this.addSql('create index sign_in_request_email_idx on compliance.sign_in_request (email, requested_at)');
    this.addSql('create index sign_in_request_client_idx on compliance.sign_in_request (client, requested_at)');
    this.addSql(`
      create table compliance.session (
        id_hash text primary key,
        email text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        revoked_at timestamptz
      )`);
    this.addSql('create index session_email_idx on compliance.session (email) where revoked_at is null');
  }
}
