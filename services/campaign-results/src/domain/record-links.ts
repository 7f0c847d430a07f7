// Where a record behind a figure can be read on the platform (the API path of its aggregate): the drill-down's links.
import type { Fact } from './projection';

export function recordLink(fact: Pick<Fact, 'kind' | 'sourceId'>): string {
  const id = encodeURIComponent(fact.sourceId);
  switch (fact.kind) {
    case 'business':
      return `/v1/businesses/${id}`;
    case 'product':
      return `/v1/products/${id}`;
    case 'certificate':
      return `/v1/certificates/${id}`;
    case 'report':
      return `/v1/reports/${id}`;
    case 'fair':
      return `/v1/fairs/${id}`;
    case 'booth_application':
      return `/v1/booth-applications/${id}`;
    case 'contract':
      return `/v1/sourcing-outcomes/${id}`;
    case 'submission':
      return `/v1/submissions/${id}`;
  }
}
