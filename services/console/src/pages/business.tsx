import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, StatusBadge } from '../components';
import { addressText, Badge, IndustryList } from '../components/business-facts';
import { api, ApiError, type Business, type Page } from '../lib/api';
import { naturalCompare } from '../lib/format';

interface ListedProduct {
  id: string;
  name: string;
  group: string;
  description?: string;
}

export function BusinessPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [business, setBusiness] = useState<Business>();
  const [products, setProducts] = useState<ListedProduct[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<Business>(`/v1/businesses/${encodeURIComponent(id)}`).then(setBusiness, setError);
    // Listed products only (the public sees no drafts); a failure here leaves the profile shown.
    api<Page<ListedProduct>>(`/v1/products?${new URLSearchParams({ businessId: id, pageSize: '100' })}`).then(
      (p) => setProducts([...p.items].sort((a, b) => naturalCompare(a.name, b.name))),
      () => setProducts([]),
    );
  }, [id]);
  if (error instanceof ApiError && error.problem.status === 404) return <h1>{t('business.notFound')}</h1>;
  if (error) return <ErrorNote error={error} />;
  if (!business) return <p aria-live="polite">{t('common.loading')}</p>;
  const badgesOf = (productId: string) => business.badges?.filter((b) => b.productId === productId) ?? [];
  return (
    <article>
      <h1>{business.tradeName || business.legalName}</h1>
      {business.tradeName && <p className="muted">{business.legalName}</p>}
      <dl className="facts">
        <dt>{t('business.status')}</dt>
        <dd>
          <StatusBadge status={business.status} />
        </dd>
        <dt>{t('business.taxCode')}</dt>
        <dd>{business.taxCode}</dd>
        {business.address && (
          <>
            <dt>{t('business.address')}</dt>
            <dd>{addressText(business.address)}</dd>
          </>
        )}
        <dt>{t('business.industries')}</dt>
        <dd>
          <IndustryList industries={business.industries} />
        </dd>
        {business.contact && (business.contact.email || business.contact.phone) && (
          <>
            <dt>{t('business.contact')}</dt>
            <dd>{[business.contact.email, business.contact.phone].filter(Boolean).join(' · ')}</dd>
          </>
        )}
        {business.website && (
          <>
            <dt>{t('publicPage.website')}</dt>
            <dd>
              <a href={business.website} rel="noopener noreferrer">
                {business.website}
              </a>
            </dd>
          </>
        )}
      </dl>
      {business.description && <p>{business.description}</p>}
      <h2>{t('business.badges')}</h2>
      {business.badges?.length ? (
        <ul className="badges">
          {business.badges.map((b) => (
            <li key={b.number}>
              <Badge badge={b} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('business.noBadges')}</p>
      )}
      <h2>{t('publicPage.products')}</h2>
      {products === undefined && <p aria-live="polite">{t('common.loading')}</p>}
      {products?.length === 0 && <p>{t('publicPage.noProducts')}</p>}
      {products && products.length > 0 && (
        <ul className="cards">
          {products.map((p) => (
            <li key={p.id} className="card">
              <h3>{p.name}</h3>
              <p className="muted">{t(`products.groups.${p.group}`, p.group)}</p>
              {p.description && <p>{p.description}</p>}
              {badgesOf(p.id).length > 0 && (
                <ul className="badges">
                  {badgesOf(p.id).map((b) => (
                    <li key={b.number}>
                      <Badge badge={b} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
