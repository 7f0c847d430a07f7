// In-app navigation without a router library: pushState plus one event the app listens to.
import { useEffect, useState } from 'react';

export function navigate(to: string): void {
  history.pushState(null, '', to);
  window.dispatchEvent(new Event('hangviet:navigate'));
  window.scrollTo(0, 0);
}

export function useLocation(): { pathname: string; search: string } {
  const [loc, setLoc] = useState({ pathname: location.pathname, search: location.search });
  useEffect(() => {
    const update = () => setLoc({ pathname: location.pathname, search: location.search });
    window.addEventListener('popstate', update);
    window.addEventListener('hangviet:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('hangviet:navigate', update);
    };
  }, []);
  return loc;
}
