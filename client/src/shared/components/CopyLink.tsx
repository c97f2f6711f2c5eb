import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Link kopieren": copies the address of the current view (which holds every setting and the language) with the
 * Clipboard API and says so in a live region. Where the API is missing or refused (an insecure origin, a browser
 * policy), the link is shown in a selected text field to copy by hand.
 */
export function CopyLink() {
  const { t } = useTranslation();
  const [state, setState] = useState<{ kind: 'idle' | 'copied' | 'manual'; url: string }>({ kind: 'idle', url: '' });
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.kind === 'manual') field.current?.select();
  }, [state]);
  const copy = async () => {
    const url = window.location.href;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied', url });
    } catch {
      setState({ kind: 'manual', url });
    }
  };
  return (
    <div className="copy-link no-print">
      <button type="button" className="button-secondary" onClick={() => void copy()}>
        {t('share.copy')}
      </button>
      <p role="status" className="copy-status" data-testid="copy-status">
        {state.kind === 'copied' && t('share.copied', { url: state.url })}
        {state.kind === 'manual' && t('share.manual')}
      </p>
      {state.kind === 'manual' && (
        <input
          ref={field}
          type="text"
          readOnly
          value={state.url}
          aria-label={t('share.fieldLabel')}
          className="copy-field"
          onFocus={(event) => event.target.select()}
        />
      )}
    </div>
  );
}
