import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../i18n/links';

function ErrorMessage({ notFound }: { notFound: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <h1>{notFound ? t('error.notFound') : t('error.title')}</h1>
      <p>
        <Link to="/">{t('error.back')}</Link>
      </p>
    </div>
  );
}

/** The page for an address that does not exist. */
export function NotFoundPage() {
  return <ErrorMessage notFound />;
}

/** One error boundary per route: a failing page never blanks the whole app. */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    return this.state.failed ? <ErrorMessage notFound={false} /> : this.props.children;
  }
}
