import { decideBusinessLink } from './business-link';

const fresh = () => 'fresh-id';

describe('decideBusinessLink: the business an account token names, from the registry owner', () => {
  it('names the business the registry says the account owns, linking it when the account held another', () => {
    expect(decideBusinessLink('T', 'T', false, fresh)).toEqual({ businessId: 'T', change: 'none' });
    expect(decideBusinessLink('U', 'T', false, fresh)).toEqual({ businessId: 'T', change: 'link' });
    expect(decideBusinessLink(undefined, 'T', false, fresh)).toEqual({ businessId: 'T', change: 'link' });
  });

  it('keeps the id allocated at sign-up while no business has it (the account has not registered yet)', () => {
    expect(decideBusinessLink('A', undefined, false, fresh)).toEqual({ businessId: 'A', change: 'none' });
  });

  it('gives a squatter whose registration was transferred a fresh id, never the business it lost', () => {
    expect(decideBusinessLink('T', undefined, true, fresh)).toEqual({ businessId: 'fresh-id', change: 'allocate' });
    expect(decideBusinessLink(undefined, undefined, false, fresh)).toEqual({ businessId: 'fresh-id', change: 'allocate' });
  });
});
