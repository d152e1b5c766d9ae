import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ROLE_LABELS } from '../labels';
import { clearToken, loadToken, readClaims, saveToken } from '../session';
import { Dashboard } from './Dashboard';
import { SignIn } from './SignIn';

const REGION = 'Хабаровский край — региональный контент';

export function App() {
  const [token, setToken] = useState<string | null>(loadToken);
  const [message, setMessage] = useState<string | null>(null);
  const signIn = (value: string) => {
    saveToken(value);
    setMessage(null);
    setToken(value);
  };
  const signOut = useCallback((why: string | null) => {
    clearToken();
    setMessage(why);
    setToken(null);
  }, []);

  if (!token) {
    return (
      <>
        <Header />
        <SignIn message={message} onSignedIn={signIn} />
      </>
    );
  }
  const claims = readClaims(token);
  return (
    <Dashboard
      key={token}
      token={token}
      onSignOut={signOut}
      header={({ refresh }) => (
        <Header>
          {claims && (
            <span class="who">
              {ROLE_LABELS[claims.role] ?? claims.role} · {claims.sub}
            </span>
          )}
          <button type="button" class="button-header" onClick={refresh}>
            Обновить
          </button>
          <button type="button" class="button-header" onClick={() => signOut(null)}>
            Выйти
          </button>
        </Header>
      )}
    />
  );
}

/** Sticky; its height goes to --header-height so the banner and the drill-down panel stay below it. */
function Header({ children }: { children?: ComponentChildren }) {
  const header = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = header.current;
    if (!element) return;
    const observer = new ResizeObserver(() => document.documentElement.style.setProperty('--header-height', `${element.offsetHeight}px`));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <header class="page-header" ref={header}>
      <div>
        <h1>{REGION}</h1>
        <p class="page-subtitle">Исполнение распоряжения № 299-р: размещение регионального контента органами власти и организациями</p>
      </div>
      {children && <nav class="page-actions">{children}</nav>}
    </header>
  );
}
