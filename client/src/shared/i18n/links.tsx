import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, NavLink as RouterNavLink, useLocation, useNavigate, type LinkProps, type NavLinkProps } from 'react-router';
import { changeLanguage, languageOf, withLanguage } from './index';

/** react-router's Link with the current language kept in the target (`?lang=en`). */
export function Link({ to, ...props }: LinkProps) {
  const { i18n } = useTranslation();
  return <RouterLink to={typeof to === 'string' ? withLanguage(to, i18n.language) : to} {...props} />;
}

/** react-router's NavLink with the current language kept in the target. */
export function NavLink({ to, ...props }: NavLinkProps) {
  const { i18n } = useTranslation();
  return <RouterNavLink to={typeof to === 'string' ? withLanguage(to, i18n.language) : to} {...props} />;
}

/** Set while the language button switches: the address is rewritten right after, so it must not switch back. */
let switching = false;

/**
 * Keeps the address and the language in step: a `lang` in the address switches the app to it (a link opened in
 * another tab, the back button), and a navigation that dropped it (a page rewriting its own query) gets it back, so
 * the address bar can always be shared as it is.
 */
export function useLanguageInUrl(): void {
  const { i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const language = i18n.language;
  useEffect(() => {
    if (switching) return;
    const asked = languageOf(location.search);
    if (asked && asked !== language) {
      void changeLanguage(asked);
      return;
    }
    const wanted = withLanguage(`${location.pathname}${location.search}${location.hash}`, language);
    if (wanted !== `${location.pathname}${location.search}${location.hash}`) void navigate(wanted, { replace: true });
  }, [location.pathname, location.search, location.hash, language, navigate]);
}

/** Switches the language and writes it into the address at once. */
export function useSwitchLanguage(): (language: 'de' | 'en') => Promise<void> {
  const location = useLocation();
  const navigate = useNavigate();
  return async (language) => {
    switching = true;
    try {
      await changeLanguage(language);
      await navigate(withLanguage(`${location.pathname}${location.search}${location.hash}`, language), { replace: true });
    } finally {
      switching = false;
    }
  };
}
