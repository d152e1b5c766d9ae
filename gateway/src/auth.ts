import { authenticate, type Claims } from '@hub/common';
import type { Request } from 'express';

export interface GatewayContext {
  auth: Claims;
  /** Forwarded as is: every subgraph verifies the token again. */
  authorization: string;
}

export async function gatewayContext(secret: string, req: Request, maxTokenDays?: number): Promise<GatewayContext> {
  const authorization = req.headers.authorization ?? '';
  const auth = await authenticate(secret, authorization, { maxTokenDays });
  return { auth, authorization };
}
