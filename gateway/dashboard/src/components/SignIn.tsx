import { useState } from 'preact/hooks';
import { SIGN_IN_PAGE } from '@hub/common/vocabulary';
import { graphql } from '../api';
import { PROBE, REQUEST_SIGN_IN } from '../queries';
import { COOKIE_SESSION } from '../session';

/** The page the person is on (a letter's link to an organization, say), for the link to open; null when it is not one it may. */
function currentPage(): string | null {
  const page = `${location.pathname.replace(/\/?$/u, '/')}${location.hash}`;
  return SIGN_IN_PAGE.test(page) ? page : null;
}

interface Props {
  /** Why the user is here again, e.g. the token expired. */
  message: string | null;
  /** People sign in through the OpenID Connect provider instead of e-mailed links (GET /session). */
  oidc: boolean;
  onSignedIn: (token: string) => void;
}

/**
 * Signing in: through the region's single account (the OpenID Connect provider) when the hub has
 * one, else a link by e-mail to a registered address (the letter's button opens the page signed
 * in); or, for developers and API users, a token from `npm start` or `npm run token`, checked by
 * the gateway before the dashboard opens.
 */
export function SignIn({ message, oidc, onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(message);
  const [checking, setChecking] = useState(false);

  const requestLink = async (event: Event) => {
    event.preventDefault();
    const address = email.trim();
    if (!address) {
      setProblem('Введите адрес электронной почты.');
      return;
    }
    setChecking(true);
    try {
      await graphql(COOKIE_SESSION, REQUEST_SIGN_IN, { email: address, next: currentPage() });
      setProblem(null);
      setSent(address);
    } catch (err) {
      const text = (err as Error).message;
      setProblem(/too many/i.test(text) ? 'Слишком много запросов. Попробуйте через 15 минут.' : text);
    } finally {
      setChecking(false);
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const value = token.trim().replace(/^Bearer\s+/i, '');
    if (!value) {
      setProblem('Вставьте токен доступа.');
      return;
    }
    setChecking(true);
    try {
      await graphql(value, PROBE, {});
      onSignedIn(value);
    } catch (err) {
      setProblem((err as Error).message);
      setChecking(false);
    }
  };

  const shownProblem = problem && (
    <p class="note note-error" role="alert">
      {problem}
    </p>
  );
  const next = currentPage();

  return (
    <main class="signin">
      {oidc ? (
        <section class="signin-form">
          <h2>Вход</h2>
          {shownProblem}
          <p class="muted">Войдите под учётной записью, адрес электронной почты которой зарегистрирован в хабе.</p>
          {/* A navigation, not a form (the page's policy allows none): the gateway sends the browser on to the provider and back. */}
          <button type="button" onClick={() => location.assign(`/sign-in/oidc${next ? `?next=${encodeURIComponent(next)}` : ''}`)}>
            Войти через единую учётную запись
          </button>
        </section>
      ) : (
        <form class="signin-form" onSubmit={requestLink}>
          <h2>Вход</h2>
          {shownProblem}
          {sent ? (
            <p class="note" role="status">
              Если адрес {sent} зарегистрирован в хабе, на него придёт письмо со ссылкой для входа. Ссылка действует 15 минут.
            </p>
          ) : (
            <>
              <p class="muted">Мы пришлём ссылку для входа на адрес, под которым вы зарегистрированы в хабе.</p>
              <label for="email">Электронная почта</label>
              <input
                id="email"
                name="email"
                type="email"
                autocomplete="email"
                inputMode="email"
                value={email}
                onInput={(e) => setEmail(e.currentTarget.value)}
              />
              <button type="submit" disabled={checking}>
                {checking ? 'Отправляем…' : 'Получить ссылку'}
              </button>
            </>
          )}
        </form>
      )}
      <details class="signin-form signin-token">
        <summary>Вход по токену (для разработчиков и API)</summary>
        <form onSubmit={submit}>
          <p class="muted">
            Токен выдаёт администратор: <code>npm start</code> печатает токен ADMIN, <code>npm run token -- --role ANALYST</code> — токены
            других ролей.
          </p>
          <label for="token">Токен доступа</label>
          <textarea
            id="token"
            name="token"
            rows={4}
            spellcheck={false}
            autocomplete="off"
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
            placeholder="eyJhbGciOiJIUzI1NiIs…"
          />
          <button type="submit" disabled={checking}>
            {checking ? 'Проверяем…' : 'Войти'}
          </button>
        </form>
      </details>
    </main>
  );
}
