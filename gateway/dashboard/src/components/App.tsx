import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { COOKIE_SESSION, clearToken, cookieSession, endCookieSession, loadToken, readClaims, saveToken } from '../session';
import { SignIn } from './SignIn';
import { SignedIn, type KnownHolder } from './SignedIn';

const REGION = 'Хабаровский край — региональный контент';

export function App() {
  const [token, setToken] = useState<string | null>(loadToken);
  const [who, setWho] = useState<KnownHolder | null>(null);
  // Without a pasted token, the browser may hold a session opened by a sign-in link: asked once,
  // with how people sign in here (the sign-in form shown after signing out too).
  const [checking, setChecking] = useState(token === null);
  const [message, setMessage] = useState<string | null>(null);
  const [oidc, setOidc] = useState(false);
  useEffect(() => {
    void cookieSession().then((session) => {
      setOidc(session.oidc);
      const person = session.person;
      if (person && token === null) {
        setWho({ name: `${person.fullName} (${person.email})`, role: person.role, organizationId: null });
        setToken(COOKIE_SESSION);
      }
      setChecking(false);
    });
    // Once, on opening the page.
  }, []);
  const signIn = (value: string) => {
    saveToken(value);
    setMessage(null);
    setToken(value);
  };
  const signOut = useCallback(
    (why: string | null) => {
      if (token === COOKIE_SESSION) void endCookieSession();
      clearToken();
      setMessage(why);
      setWho(null);
      setToken(null);
    },
    [token],
  );

  if (checking) return <Header />;
  if (token === null) {
    return (
      <>
        <Header />
        <SignIn message={message} oidc={oidc} onSignedIn={signIn} />
      </>
    );
  }
  const claims = token === COOKIE_SESSION ? null : readClaims(token);
  const known: KnownHolder | null = who ?? (claims && { name: claims.sub, role: claims.role, organizationId: claims.org });
  return (
    <SignedIn
      key={token}
      token={token}
      known={known}
      onSignOut={signOut}
      header={({ refresh, who: shown }) => (
        <Header>
          {shown && <span class="who">{shown}</span>}
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
