// What a plan of notices is made of, apart from the plans themselves (notification-plan.ts and the per-context
// certification-notices.ts, tradefair-notices.ts), which all use it: so none of them imports another's types back.
import type { Locale } from '@hangviet/vn/locale';
import type { BusinessNoticeContext, TemplateKey } from './templates';

export type Recipient =
  | { kind: 'business'; id: string; email?: string; locale: Locale }
  | { kind: 'staff'; id: string; email: string; locale: Locale };

export interface PlannedNotice {
  recipient: Recipient;
  template: TemplateKey;
  context: BusinessNoticeContext;
}

export interface StaffMember {
  email: string;
  locale: Locale;
}
