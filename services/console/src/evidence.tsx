// The registration certificate in the console: the file input (registration, and the owner's page while under
// review) and the link that opens an attached one (owner and staff; fetched with the token, shown from an
// object URL, since a plain link could not carry the Authorization header).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './lib/api';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, fetchEvidence, type EvidenceProblem } from './lib/evidence';

const MB = (bytes: number, lng: string) => (bytes / 1024 / 1024).toLocaleString(lng, { maximumFractionDigits: 1 });

/** The problem+json of a failed call as one sentence: its detail, then what it says of each field. */
export function problemText(err: unknown): string {
  if (!(err instanceof ApiError)) return String((err as Error)?.message ?? err);
  const fields = (err.problem.errors ?? [])
    .map((e) => e.message)
    .filter((m) => m && m !== err.problem.detail);
  return [err.problem.detail, ...fields].join(' ');
}

/** The message for a file the console refused before sending it. */
export function useEvidenceProblemText(): (problem: EvidenceProblem, file?: File | null) => string {
  const { t, i18n } = useTranslation();
  return (problem, file) =>
    t(`evidence.errors.${problem}`, {
      max: MB(EVIDENCE_MAX_BYTES, i18n.language),
      size: file ? MB(file.size, i18n.language) : '',
    });
}

export function EvidenceInput({
  id,
  label,
  error,
  onChange,
}: {
  id: string;
  /** Another label than "Business registration certificate (required)", e.g. for replacing an attached one. */
  label?: string;
  error?: string;
  onChange: (file: File | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<string>();
  // The browser's own file button speaks the browser's language ("Choose File"): it is hidden behind a
  // button of ours, and the input stays the labelled, focusable control.
  return (
    <div className="file-field">
      <label htmlFor={id}>
        {label ?? (
          <>
            {t('evidence.label')} <span className="muted">({t('common.required')})</span>
          </>
        )}
      </label>
      <div className="file-picker">
        <input
          id={id}
          name="evidence"
          type="file"
          className="file-input"
          accept={EVIDENCE_ACCEPT}
          required
          aria-required="true"
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-chosen ${id}-hint ${id}-error` : `${id}-chosen ${id}-hint`}
          onChange={(e) => {
            const file = e.target.files?.[0] ?? null;
            setChosen(file?.name);
            onChange(file);
          }}
        />
        <span className="file-button" aria-hidden="true">
          {t('file.choose')}
        </span>
        <span id={`${id}-chosen`} className="file-name">
          {chosen ? t('file.chosen', { name: chosen }) : t('file.none')}
        </span>
      </div>
      <span id={`${id}-hint`} className="hint-inline muted">
        {t('evidence.hint', { max: MB(EVIDENCE_MAX_BYTES, i18n.language) })}
      </span>
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

const EXTENSION: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/**
 * Opens the attached certificate in a new tab, and offers it as a download beside: the tab may be blocked,
 * and a PDF viewer may not run in a blob document (it inherits the console's CSP).
 */
export function EvidenceLink({ businessId, name }: { businessId: string; name?: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ url: string; type: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const current = useRef<string | undefined>(undefined);
  useEffect(() => () => void (current.current && URL.revokeObjectURL(current.current)), []);

  const open = async () => {
    setError(undefined);
    setBusy(true);
    // Opened now, while the click still counts as the user's: after the download a new tab would be blocked.
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    try {
      const blob = await fetchEvidence(businessId);
      if (current.current) URL.revokeObjectURL(current.current);
      current.current = URL.createObjectURL(blob);
      setFile({ url: current.current, type: blob.type });
      if (tab) tab.location.href = current.current;
    } catch (err) {
      tab?.close();
      setError(t('evidence.openFailed', { detail: problemText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="evidence-link">
      <button
        type="button"
        className="link"
        disabled={busy}
        onClick={() => void open()}
        aria-label={name ? t('evidence.openNamed', { name }) : undefined}
      >
        {t('evidence.open')}
      </button>
      {file && (
        <>
          {' · '}
          <a
            href={file.url}
            download={`${t('evidence.fileName')}-${businessId}.${EXTENSION[file.type] ?? 'bin'}`}
          >
            {t('evidence.download')}
          </a>
        </>
      )}
      {error && (
        <span role="alert" className="error">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
