import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatRoute, parseRoute, type Route } from './route';

/**
 * The route lives in the address, not in state of its own: the page follows every hash change
 * (a link, the back button), and the user's clicks change the hash, one history entry each.
 */
export function useRoute(): [Route, (change: Partial<Route>) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    follow();
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  // Merged with the address as it is now, so the callback never changes and never acts on a stale route.
  const navigate = useCallback((change: Partial<Route>) => {
    const hash = formatRoute({ ...parseRoute(window.location.hash), ...change });
    if (hash !== window.location.hash) window.location.hash = hash;
  }, []);
  return [route, navigate];
}
