// The header's links to the pages added for issue 22 (their own texts live with each page, in src/features).
import i18next from 'i18next';

i18next.addResourceBundle('vi', 'translation', { nav: { staffFairs: 'Hội chợ (cán bộ)', venues: 'Địa điểm', queues: 'Hàng việc', partners: 'Đối tác', partner: 'Cổng đối tác', campaign: 'Kết quả cuộc vận động' } }, true, false);
i18next.addResourceBundle('en', 'translation', { nav: { staffFairs: 'Fairs (staff)', venues: 'Venues', queues: 'Queues', partners: 'Partners', partner: 'Partner portal', campaign: 'Campaign results' } }, true, false);
// Issue 26's page (src/features/sourcing).
i18next.addResourceBundle('vi', 'translation', { nav: { sourcing: 'Kết nối cung cầu' } }, true, false);
i18next.addResourceBundle('en', 'translation', { nav: { sourcing: 'Sourcing' } }, true, false);
