// What staff read beside the commune review and the score sheet: the enterprise's explanatory note, the
// product as registered, its documents (opened with the staff member's token) and the business.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components';
import { addressText } from './business-facts';
import { api, type Business } from '../lib/api';
import { currentSession } from '../lib/session';
import { formatDateTime } from '../lib/format';

export interface ApplicationSummary {
  id: string;
  productId: string;
  productName: string;
  businessId: string;
  status: string;
  dossier?: string;
  createTime?: string;
  round?: { year: number; number: number };
  communeReview?: { reviewer: string; localRawMaterial: boolean; localLabour: boolean; localIdea: boolean; note?: string; time?: string };
  score?: { total: number; stars: number };
  decision?: { number: string; date: string; certificateNumber?: string };
}

interface ProductDetails {
  id: string;
  name: string;
  group: string;
  description?: string;
  gtin?: string;
  evidence: { id: string; fileName: string; contentType: string; size: number; uploadTime: string }[];
}

/** The business of an application, loaded once per card (its ward names the reviewing commune). */
export function useBusiness(id: string): Business | undefined {
  const [business, setBusiness] = useState<Business>();
  useEffect(() => {
    api<Business>(`/v1/businesses/${encodeURIComponent(id)}`).then(setBusiness, () => undefined);
  }, [id]);
  return business;
}

function DocumentLink({ productId, document }: { productId: string; document: ProductDetails['evidence'][number] }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const url = useRef<string | undefined>(undefined);
  useEffect(() => () => void (url.current && URL.revokeObjectURL(url.current)), []);
  const open = async () => {
    setFailed(false);
    // The new tab is opened while the click still counts as the user's; filled once the file is here.
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    try {
      const headers = new Headers();
      const session = currentSession();
      if (session) headers.set('authorization', `Bearer ${session.accessToken}`);
      const response = await fetch(`/v1/products/${encodeURIComponent(productId)}/documents/${encodeURIComponent(document.id)}`, { headers });
      if (!response.ok) throw new Error(String(response.status));
      url.current = URL.createObjectURL(await response.blob());
      if (tab) tab.location.href = url.current;
    } catch {
      tab?.close();
      setFailed(true);
    }
  };
  return (
    <>
      <button type="button" className="link" onClick={() => void open()} aria-label={t('commune.openDocument', { name: document.fileName })}>
        {document.fileName}
      </button>{' '}
      <span className="muted">({Math.ceil(document.size / 1024)} kB)</span>
      {failed && <span className="error"> ✗</span>}
    </>
  );
}

export function DossierPanel({ application, business }: { application: ApplicationSummary; business?: Business }) {
  const { t } = useTranslation();
  const [product, setProduct] = useState<ProductDetails>();
  useEffect(() => {
    api<ProductDetails>(`/v1/products/${encodeURIComponent(application.productId)}`).then(setProduct, () => undefined);
  }, [application.productId]);
  const review = application.communeReview;
  return (
    <section className="dossier" aria-label={t('commune.dossier')}>
      <h3>{t('commune.dossier')}</h3>
      <dl className="facts">
        <dt>{t('commune.business')}</dt>
        <dd>
          <Link href={`/businesses/${encodeURIComponent(application.businessId)}`}>{business?.legalName ?? application.businessId}</Link>
          {business?.address && <div className="muted">{addressText(business.address)}</div>}
        </dd>
        <dt>{t('commune.product')}</dt>
        <dd>
          {application.productName}
          {product && <div className="muted">{t(`products.groups.${product.group}`, product.group)}{product.gtin ? ` · ${t('commune.gtin')} ${product.gtin}` : ''}</div>}
        </dd>
        {product?.description && (
          <>
            <dt>{t('commune.description')}</dt>
            <dd>{product.description}</dd>
          </>
        )}
        {application.createTime && (
          <>
            <dt>{t('commune.submittedAt')}</dt>
            <dd>{formatDateTime(application.createTime)}</dd>
          </>
        )}
      </dl>
      <p className="dossier-text">{application.dossier || t('commune.noDossier')}</p>
      <h4>{t('commune.documents')}</h4>
      {product && product.evidence.length === 0 && <p className="muted">{t('commune.noDocuments')}</p>}
      {product && product.evidence.length > 0 && (
        <ul className="plain-list">
          {product.evidence.map((d) => (
            <li key={d.id}>
              <DocumentLink productId={product.id} document={d} />
            </li>
          ))}
        </ul>
      )}
      {review && (
        <>
          <h4>{t('commune.result')}</h4>
          <p className="muted">{t('commune.reviewedBy', { reviewer: review.reviewer, date: formatDateTime(review.time) })}</p>
          <ul className="plain-list">
            {(['localRawMaterial', 'localLabour', 'localIdea'] as const).map((k) => (
              <li key={k}>
                {review[k] ? '✓' : '✗'} {t(`commune.${k}`)}: {review[k] ? t('commune.yes') : t('commune.no')}
              </li>
            ))}
          </ul>
          {review.note && <p className="dossier-text">{review.note}</p>}
        </>
      )}
    </section>
  );
}
