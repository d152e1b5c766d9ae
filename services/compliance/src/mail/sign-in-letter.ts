import { renderNotice } from './notice.js';
import type { QueuedLetter } from '../data/outbox.repo.js';

/**
 * The letter with a sign-in link (docs/DESIGN.md, "Signing in"): who it is for, the button, how
 * long it works, and what to do if the person did not ask for it. The token is in the link only;
 * the dedup key is the token's hash, so two requests send two letters.
 */
export function signInLetter(person: { email: string; fullName: string }, link: string, tokenHash: string): QueuedLetter {
  const { html, text } = renderNotice({
    heading: 'Вход в региональный контент-хаб',
    paragraphs: [
      `${person.fullName}, чтобы войти, откройте ссылку ниже. Она действует 15 минут и только один раз.`,
      'Если вы не запрашивали вход, ничего не делайте: без этой ссылки войти под вашим адресом нельзя.',
    ],
    action: { label: 'Войти', url: link },
    footer: 'Письмо отправлено автоматически региональным контент-хабом. Отвечать на него не нужно.',
  });
  return {
    kind: 'SIGN_IN',
    dedupKey: `sign-in:${tokenHash}`,
    to: person.email,
    subject: 'Вход в контент-хаб: ссылка на 15 минут',
    html,
    text,
  };
}
