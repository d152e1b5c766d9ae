import { createHash } from 'node:crypto';

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/**
 * An OK REST call's `sig`, as apiok.ru/en/dev/methods documents it for a call in a session:
 * session_secret_key = MD5(access_token + application_secret_key) in lower case; the parameters
 * without session_key/access_token (and sig), sorted by key, joined as `key=value` with no
 * separator; sig = MD5(joined + session_secret_key), in lower case. Values are signed as sent,
 * before URL encoding.
 */
export function okSignature(params: Readonly<Record<string, string>>, accessToken: string, applicationSecretKey: string): string {
  const sessionSecretKey = md5(accessToken + applicationSecretKey).toLowerCase();
  const joined = Object.keys(params)
    .filter((key) => key !== 'access_token' && key !== 'session_key' && key !== 'sig')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('');
  return md5(joined + sessionSecretKey).toLowerCase();
}
