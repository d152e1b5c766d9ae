import { useState } from 'preact/hooks';
import { graphql } from '../api';
import { PROBE } from '../queries';

interface Props {
  /** Why the user is here again, e.g. the token expired. */
  message: string | null;
  onSignedIn: (token: string) => void;
}

/** A token from `npm start` or `npm run token`, checked by the gateway before the dashboard opens. */
export function SignIn({ message, onSignedIn }: Props) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(message);
  const [checking, setChecking] = useState(false);

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

  return (
    <main class="signin">
      <form class="signin-form" onSubmit={submit}>
        <h2>Вход</h2>
        <p class="muted">
          Токен выдаёт администратор: <code>npm start</code> печатает токен ADMIN, <code>npm run token -- --role ANALYST</code> — токены
          других ролей.
        </p>
        {problem && (
          <p class="note note-error" role="alert">
            {problem}
          </p>
        )}
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
    </main>
  );
}
