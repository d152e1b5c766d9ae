import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('has the contract defaults', () => {
    const config = loadConfig({});
    expect(config.timezone).toBe('Asia/Vladivostok');
    expect(config.ports).toEqual({ gateway: 4000, content: 4001, organizations: 4002, compliance: 4003, monitoring: 4004 });
    expect(config.mailFrom).toBe('hub@localhost');
    expect(config.seed).toBe('demo');
    expect(config.env).toBe('development');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.subgraphUrls.organizations).toBe('http://127.0.0.1:4002/graphql');
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ HUB_TIMEZONE: 'Mars/Olympus', GATEWAY_PORT: '99999' })).toThrow(ConfigError);
    expect(() => loadConfig({ HUB_TIMEZONE: 'Mars/Olympus', GATEWAY_PORT: '99999' })).toThrow(
      /HUB_TIMEZONE.*GATEWAY_PORT|GATEWAY_PORT.*HUB_TIMEZONE/,
    );
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET/);
    expect(() => loadConfig({ HUB_SEED: 'everything' })).toThrow(/HUB_SEED/);
  });

  it('keeps four eyes on materials unless CONTENT_FOUR_EYES turns it off', () => {
    expect(loadConfig({}).contentFourEyes).toBe(true);
    expect(loadConfig({ CONTENT_FOUR_EYES: 'false' }).contentFourEyes).toBe(false);
    expect(loadConfig({ CONTENT_FOUR_EYES: '0' }).contentFourEyes).toBe(false);
    expect(loadConfig({ CONTENT_FOUR_EYES: 'true' }).contentFourEyes).toBe(true);
    expect(() => loadConfig({ CONTENT_FOUR_EYES: 'maybe' })).toThrow(/CONTENT_FOUR_EYES/);
  });

  it('accepts tokens for at most 30 days unless AUTH_MAX_TOKEN_DAYS says otherwise', () => {
    expect(loadConfig({}).maxTokenDays).toBe(30);
    expect(loadConfig({ AUTH_MAX_TOKEN_DAYS: '7' }).maxTokenDays).toBe(7);
    expect(() => loadConfig({ AUTH_MAX_TOKEN_DAYS: '0' })).toThrow(/AUTH_MAX_TOKEN_DAYS/);
    expect(() => loadConfig({ AUTH_MAX_TOKEN_DAYS: 'forever' })).toThrow(/AUTH_MAX_TOKEN_DAYS/);
  });

  it('crawls every page in one shard unless MONITORING_SHARD names one of several', () => {
    expect(loadConfig({}).monitoringShard).toEqual({ index: 1, count: 1 });
    expect(loadConfig({ MONITORING_SHARD: '2/4' }).monitoringShard).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', '2/0', 'a/b', '-1/2']) {
      expect(() => loadConfig({ MONITORING_SHARD: bad }), bad).toThrow(/MONITORING_SHARD/);
    }
  });

  it('fetches photos from public addresses only unless MONITORING_PHOTO_ORIGINS names others', () => {
    expect(loadConfig({}).platforms.photos).toEqual({ trustedOrigins: [], caFile: null });
    const photos = loadConfig({ MONITORING_PHOTO_ORIGINS: 'https://127.0.0.1:8443, https://cdn.local', MONITORING_PHOTO_CA: '/etc/ca.pem' })
      .platforms.photos;
    expect(photos).toEqual({ trustedOrigins: ['https://127.0.0.1:8443', 'https://cdn.local'], caFile: '/etc/ca.pem' });
    expect(() => loadConfig({ MONITORING_PHOTO_ORIGINS: 'cdn.local' })).toThrow(/MONITORING_PHOTO_ORIGINS/);
  });

  it('signs in through an OpenID Connect provider with all three OIDC variables, by e-mailed links with none', () => {
    const provider = { OIDC_ISSUER: 'https://sso.khv-region.test/realms/hub', OIDC_CLIENT_ID: 'hub', OIDC_CLIENT_SECRET: 'secret' };
    expect(loadConfig({}).oidc).toBeNull();
    expect(loadConfig({ OIDC_ISSUER: '', OIDC_CLIENT_ID: '', OIDC_CLIENT_SECRET: '' }).oidc).toBeNull();
    expect(loadConfig(provider).oidc).toEqual({
      issuer: 'https://sso.khv-region.test/realms/hub',
      clientId: 'hub',
      clientSecret: 'secret',
    });
    // Some without the others is a mistake named at start, each missing variable by name.
    expect(() => loadConfig({ OIDC_ISSUER: provider.OIDC_ISSUER })).toThrow(ConfigError);
    expect(() => loadConfig({ OIDC_ISSUER: provider.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID: missing.*OIDC_CLIENT_SECRET: missing/);
    expect(() => loadConfig({ ...provider, OIDC_CLIENT_SECRET: '' })).toThrow(/OIDC_CLIENT_SECRET: missing/);
    expect(() => loadConfig({ OIDC_CLIENT_ID: 'hub', OIDC_CLIENT_SECRET: 'secret', GATEWAY_PORT: '99999' })).toThrow(
      /GATEWAY_PORT.*OIDC_ISSUER: missing/,
    );
    // The client secret goes to the issuer: https, or plain http to this machine only.
    expect(() => loadConfig({ ...provider, OIDC_ISSUER: 'http://sso.khv-region.test/realms/hub' })).toThrow(/OIDC_ISSUER/);
    expect(() => loadConfig({ ...provider, OIDC_ISSUER: 'sso.khv-region.test' })).toThrow(/OIDC_ISSUER/);
    expect(loadConfig({ ...provider, OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc?.issuer).toBe('http://127.0.0.1:9000');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
});
