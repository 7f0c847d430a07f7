import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, Link, StatusBadge } from '../components';
import { verifyHref } from '../components/business-facts';
import { formatDay, naturalCompare } from '../lib/format';
import { api, type Page } from '../lib/api';
import type { Session } from '../lib/session';
import { SignedIn } from './signed-in';

const GROUPS = ['FOOD', 'BEVERAGE', 'HERBAL', 'HANDICRAFT', 'ORNAMENTAL', 'TOURISM_SERVICE'];

interface Product {
  id: string;
  name: string;
  group: string;
  status: string;
}
interface Application {
  id: string;
  productId: string;
  productName: string;
  status: string;
  score?: { total: number; stars: number };
}
interface Certificate {
  number: string;
  scheme: string;
  status: string;
  stars?: number;
  productName?: string;
  validUntil?: string;
}

// An enterprise's products, its OCOP applications as they move, and its certificates (PDF, QR).
function Products({ session }: { session: Session }) {
  const { t } = useTranslation();
  const businessId = session.businessId ?? '';
  const [products, setProducts] = useState<Product[]>([]);
  const [applications, setApplications] = useState<Application[]>([]);
  const [certificates, setCertificates] = useState<Certificate[]>([]);
  const [form, setForm] = useState({ name: '', group: 'FOOD' });
  const [error, setError] = useState<unknown>();
  const q = `businessId=${encodeURIComponent(businessId)}&pageSize=100`;
  const load = useCallback(() => {
    Promise.all([
      api<Page<Product>>(`/v1/products?${q}`),
      api<Page<Application>>(`/v1/certification-applications?${q}`),
      api<Page<Certificate>>(`/v1/certificates?${q}`),
    ]).then(([p, a, c]) => {
      setProducts([...p.items].sort((x, y) => naturalCompare(x.name, y.name)));
      setApplications(a.items);
      setCertificates(c.items);
    }, setError);
  }, [q]);
  useEffect(load, [load]);

  const register = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api('/v1/products', { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() }, json: { businessId, name: form.name, group: form.group } });
      setForm({ ...form, name: '' });
      load();
    } catch (err) {
      setError(err);
    }
  };
  const apply = async (product: Product) => {
    setError(undefined);
    try {
      await api('/v1/certification-applications', {
        method: 'POST',
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        json: { productId: product.id, scheme: 'OCOP', round: { year: new Date().getFullYear(), number: 1 } },
      });
      load();
    } catch (err) {
      setError(err);
    }
  };
  const applied = new Set(applications.filter((a) => !['REJECTED', 'WITHDRAWN'].includes(a.status)).map((a) => a.productId));

  return (
    <section>
      <h1>{t('products.heading')}</h1>
      <ErrorNote error={error} />
      <form className="filters" onSubmit={(e) => void register(e)}>
        <label>
          {t('products.name')}
          <input name="name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          {t('products.group')}
          <select name="group" value={form.group} onChange={(e) => setForm({ ...form, group: e.target.value })}>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`products.groups.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('products.register')}</button>
      </form>
      <ul className="cards">
        {products.map((p) => (
          <li key={p.id} className="card">
            <h2>{p.name}</h2>
            <p className="muted">
              {t(`products.groups.${p.group}`)} · <StatusBadge kind="product" status={p.status} />
            </p>
            {!applied.has(p.id) && (
              <button type="button" onClick={() => void apply(p)}>
                {t('products.apply')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('products.applications')}</h2>
      {applications.length === 0 && <p>{t('products.noApplications')}</p>}
      <ul className="cards">
        {applications.map((a) => (
          <li key={a.id} className="card">
            <h3>{a.productName}</h3>
            <p>
              {t(`applicationStatus.${a.status}`, a.status)}
              {a.score && ` · ${a.score.total} ${t('score.points')} · ${'★'.repeat(a.score.stars)}`}
            </p>
          </li>
        ))}
      </ul>
      <h2>{t('products.certificates')}</h2>
      {certificates.length === 0 && <p>{t('products.noCertificates')}</p>}
      <ul className="cards">
        {certificates.map((c) => (
          <li key={c.number} className="card">
            <h3>
              {c.productName} — {c.scheme} {c.stars ? '★'.repeat(c.stars) : ''}
            </h3>
            <p className="muted">
              <Link href={verifyHref(c.number)}>{c.number}</Link> · <StatusBadge kind="certificate" status={c.status} />
              {c.validUntil ? ` · ${t('check.validUntil')} ${formatDay(c.validUntil)}` : ''}
            </p>
            <p>
              <a href={`/v1/certificates/${encodeURIComponent(c.number)}/document.pdf`}>{t('products.pdf')}</a> ·{' '}
              <a href={`/v1/certificates/${encodeURIComponent(c.number)}/qr.svg`}>{t('products.qr')}</a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ProductsPage() {
  return <SignedIn role="enterprise">{(session) => <Products session={session} />}</SignedIn>;
}
