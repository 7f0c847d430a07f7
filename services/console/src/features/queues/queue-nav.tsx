// The staff queues' tabs (a nav of links, so each queue has its own address).
import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Link } from '../../components';
import { strings } from '../strings';

const ns = strings('queues', {
  vi: { nav: 'Hàng việc của cán bộ', reports: 'Phản ánh hàng giả', changes: 'Yêu cầu thay đổi', import: 'Nhập CSV', partners: 'Đối tác' },
  en: { nav: 'Staff queues', reports: 'Counterfeit reports', changes: 'Change requests', import: 'CSV import', partners: 'Partners' },
});

export function QueueNav() {
  const { t } = useTranslation(ns);
  const { pathname } = useLocation();
  const links = [
    ['/staff/reports', t('reports')],
    ['/staff/changes', t('changes')],
    ['/staff/import', t('import')],
    ['/staff/partners', t('partners')],
  ] as const;
  return (
    <nav aria-label={t('nav')}>
      <Group gap="md" className="queue-nav">
        {links.map(([href, label]) => (
          <Link key={href} href={href} aria-current={pathname === href ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </Group>
    </nav>
  );
}
