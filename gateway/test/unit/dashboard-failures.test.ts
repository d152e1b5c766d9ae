import { describe, expect, it } from 'vitest';
import { GatewayUnavailableError, SessionExpiredError, sessionOrReachFailure } from '../../dashboard/src/api.js';

describe("the dashboard's reading of a refused request (GraphQL and exports alike)", () => {
  it('asks to sign in again on 401 or UNAUTHENTICATED, whoever answered', () => {
    expect(sessionOrReachFailure(401, [], false)).toBeInstanceOf(SessionExpiredError);
    expect(sessionOrReachFailure(200, ['UNAUTHENTICATED'], true)).toBeInstanceOf(SessionExpiredError);
  });

  it('says the gateway is unreachable on a bare 502–504 from something in between', () => {
    for (const status of [502, 503, 504]) {
      const failure = sessionOrReachFailure(status, [], false);
      expect(failure).toBeInstanceOf(GatewayUnavailableError);
      expect(failure!.message).toContain(`HTTP ${status}`);
    }
  });

  it("leaves the hub's own refusals (a 502 naming the service, a 403) to their message", () => {
    expect(sessionOrReachFailure(502, ['DOWNSTREAM_SERVICE_ERROR'], true)).toBeNull();
    expect(sessionOrReachFailure(403, ['FORBIDDEN'], true)).toBeNull();
    expect(sessionOrReachFailure(200, [], true)).toBeNull();
  });
});
