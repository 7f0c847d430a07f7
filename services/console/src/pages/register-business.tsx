import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components';
import { IndustryPicker, ProvincePicker, WardPicker } from '../components/pickers';
import { EvidenceInput, problemText, useEvidenceProblemText } from '../evidence';
import { api, ApiError, type Business } from '../lib/api';
import { checkEvidenceFile, uploadEvidence } from '../lib/evidence';
import { fieldProblem } from '../lib/problems';
import { registrationProblems, taxCodeHint } from '../lib/tax-code-input';
import { navigate } from '../navigation';
import { SignedIn } from './signed-in';

type Availability = 'checking' | 'free' | 'taken' | 'invalid' | undefined;

/** The form's fields by the name the registry gives them in its errors. */
const SERVER_FIELD: Record<string, string> = {
  taxCode: 'taxCode',
  type: 'type',
  legalName: 'legalName',
  tradeName: 'tradeName',
  provinceCode: 'address.provinceCode',
  wardCode: 'address.wardCode',
  street: 'address.street',
  industry: 'industries',
  email: 'contact.email',
  phone: 'contact.phone',
  // The registry names the whole old address when it cannot map it; the ward is what to correct.
  legacyWard: 'legacyAddress',
};

function useTaxCodeAvailability(taxCode: string, type: string): Availability {
  const [state, setState] = useState<Availability>();
  useEffect(() => {
    if (taxCodeHint(taxCode, type) !== 'complete') return setState(undefined);
    setState('checking');
    let live = true;
    const timer = setTimeout(() => {
      api<Business>(`/v1/businesses:lookup?taxCode=${encodeURIComponent(taxCode)}`).then(
        () => live && setState('taken'),
        (err: unknown) => live && setState(err instanceof ApiError && err.problem.status === 404 ? 'free' : 'invalid'),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [taxCode, type]);
  return state;
}

function Form() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [form, setForm] = useState({ taxCode: '', type: 'COMPANY', legalName: '', tradeName: '', provinceCode: '', wardCode: '', street: '', industry: '', email: '', phone: '' });
  // An enterprise that knows only its address before the 2025 reform: the registry maps it to the new units.
  const [legacyOn, setLegacyOn] = useState(false);
  const [edition, setEdition] = useState<'2018' | '2025'>('2025');
  const [legacy, setLegacy] = useState({ provinceName: '', districtName: '', wardName: '' });
  const [error, setError] = useState<unknown>();
  const [tried, setTried] = useState(false);
  // The certificate: checked when chosen and on submit, uploaded right after the registration is created.
  const [evidence, setEvidence] = useState<File | null>(null);
  const [evidenceError, setEvidenceError] = useState<string>();
  const [createdId, setCreatedId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const evidenceProblem = useEvidenceProblemText();
  const availability = useTaxCodeAvailability(form.taxCode, form.type);
  const hint = availability ?? taxCodeHint(form.taxCode, form.type);
  const problems = registrationProblems(form, legacyOn ? legacy : undefined);
  const problemOf = (field: string) => {
    const server = fieldProblem(error, SERVER_FIELD[field] ?? field, lang);
    if (server) return server;
    const local = tried ? problems.find((p) => p.field === field) : undefined;
    return local ? t(local.key) : undefined;
  };

  const chooseEvidence = async (file: File | null) => {
    setEvidence(file);
    const check = await checkEvidenceFile(file);
    setEvidenceError(check.ok || (check.problem === 'required' && !tried) ? undefined : evidenceProblem(check.problem, file));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError(undefined);
    const check = await checkEvidenceFile(evidence);
    setEvidenceError(check.ok ? undefined : evidenceProblem(check.problem, evidence));
    // Once created, the registry holds the tax code (its lookup says "taken"): only the upload is left to do.
    if (!createdId && (problems.length > 0 || availability === 'taken' || availability === 'invalid')) return;
    const file = evidence;
    if (!check.ok || !file) return;
    setBusy(true);
    let id = createdId;
    if (!id) {
      try {
        const created = await api<Business>('/v1/businesses', {
          method: 'POST',
          headers: { 'Idempotency-Key': crypto.randomUUID() },
          json: {
            taxCode: form.taxCode,
            type: form.type,
            legalName: form.legalName,
            ...(form.tradeName ? { tradeName: form.tradeName } : {}),
            ...(legacyOn
              ? { legacyAddress: { provinceName: legacy.provinceName, ...(legacy.districtName ? { districtName: legacy.districtName } : {}), wardName: legacy.wardName, street: form.street } }
              : { address: { provinceCode: form.provinceCode, wardCode: form.wardCode, street: form.street } }),
            industries: [{ edition, code: form.industry, main: true }],
            ...(form.email || form.phone ? { contact: { ...(form.email ? { email: form.email } : {}), ...(form.phone ? { phone: form.phone } : {}) } } : {}),
          },
        });
        id = created.id;
        setCreatedId(id);
      } catch (err) {
        setBusy(false);
        return setError(err);
      }
    }
    // Right after the registration: staff cannot approve it without the certificate (409 EVIDENCE_MISSING).
    try {
      await uploadEvidence(id, file, check.mediaType);
      navigate('/my?registered=1');
    } catch (err) {
      setEvidenceError(t('evidence.createdNoEvidence', { detail: problemText(err) }));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof typeof form, label: string, extra: Record<string, unknown> = {}) => {
    const problem = problemOf(name);
    return (
      <label>
        {label}
        <input
          name={name}
          value={form[name]}
          aria-invalid={!!problem}
          aria-describedby={problem ? `${name}-error` : undefined}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })}
          {...extra}
        />
        {problem && (
          <span id={`${name}-error`} className="field-error">
            {problem}
          </span>
        )}
      </label>
    );
  };

  const legacyField = (key: keyof typeof legacy, name: string, label: string) => {
    const problem = problemOf(name);
    return (
      <label>
        {label}
        <input
          name={name}
          value={legacy[key]}
          aria-invalid={!!problem}
          aria-describedby={problem ? `${name}-error` : undefined}
          onChange={(e) => setLegacy({ ...legacy, [key]: e.target.value })}
        />
        {problem && (
          <span id={`${name}-error`} className="field-error">
            {problem}
          </span>
        )}
      </label>
    );
  };

  return (
    <section className="narrow">
      <h1>{t('register.heading')}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        {/* Created already (only the upload failed): the profile was sent, shown but no longer editable. */}
        <fieldset className="plain" disabled={!!createdId}>
          <label>
            {t('register.type')}
            <select name="type" value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })}>
              {['COMPANY', 'COOPERATIVE', 'HOUSEHOLD', 'BRANCH'].map((type) => (
                <option key={type} value={type}>
                  {t(`type.${type}`)}
                </option>
              ))}
            </select>
          </label>
          {field('taxCode', t('register.taxCode'), { inputMode: 'numeric', autoComplete: 'off', 'aria-describedby': 'taxCode-hint' })}
          <p id="taxCode-hint" className={`hint hint-${hint}`} aria-live="polite">
            {createdId ? '' : t(`register.hint.${hint === 'complete' ? 'checking' : hint}`)}
          </p>
          {field('legalName', t('register.legalName'), { autoComplete: 'organization' })}
          {field('tradeName', t('register.tradeName'))}
          <label className="check">
            <input type="checkbox" checked={legacyOn} onChange={(e) => setLegacyOn(e.target.checked)} />
            {t('pickers.legacyToggle')}
          </label>
          {legacyOn ? (
            <fieldset className="plain legacy">
              <p className="hint-inline muted">{t('pickers.legacyHint')}</p>
              {legacyField('provinceName', 'legacyProvince', t('pickers.legacyProvince'))}
              {legacyField('districtName', 'legacyDistrict', t('pickers.legacyDistrict'))}
              {legacyField('wardName', 'legacyWard', t('pickers.legacyWard'))}
            </fieldset>
          ) : (
            <>
              <ProvincePicker
                name="provinceCode"
                value={form.provinceCode}
                error={problemOf('provinceCode')}
                onChange={(provinceCode) => setForm((f) => ({ ...f, provinceCode, wardCode: provinceCode === f.provinceCode ? f.wardCode : '' }))}
              />
              <WardPicker name="wardCode" provinceCode={form.provinceCode} value={form.wardCode} error={problemOf('wardCode')} onChange={(wardCode) => setForm((f) => ({ ...f, wardCode }))} />
            </>
          )}
          {field('street', t('register.street'), { autoComplete: 'street-address' })}
          <IndustryPicker
            label={t('register.industry')}
            value={form.industry}
            error={problemOf('industry')}
            onChange={(industry, edition) => {
              setForm((f) => ({ ...f, industry }));
              setEdition(edition ?? '2025');
            }}
          />
          {field('email', t('register.email'), { type: 'email', autoComplete: 'email' })}
          {field('phone', t('register.phone'), { type: 'tel', autoComplete: 'tel' })}
        </fieldset>
        {createdId && !evidenceError && <p role="status">{t('evidence.created')}</p>}
        <EvidenceInput id="evidence" error={evidenceError} onChange={(file) => void chooseEvidence(file)} />
        <button type="submit" disabled={busy}>
          {createdId ? t('evidence.submitUpload') : t('register.submit')}
        </button>
      </form>
      <ErrorNote error={error} shownFields={Object.values(SERVER_FIELD)} />
    </section>
  );
}

export function RegisterBusinessPage() {
  return <SignedIn role="enterprise">{() => <Form />}</SignedIn>;
}
