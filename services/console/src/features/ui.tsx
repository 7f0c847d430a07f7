// The component library of the staff, partner and fair pages: Mantine (accessible tables, date pickers with a
// Vietnamese locale through dayjs, forms) with its styles, loaded only with these lazy pages.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { Alert, createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import './strings';

// Typed dates (DD/MM/YYYY) are parsed in the given format, not by Date's guess.
dayjs.extend(customParseFormat);

const theme = createTheme({
  primaryColor: 'red',
  // The centre's red, dark enough for white text (contrast ≥ 4.5 : 1, axe's rule).
  colors: { red: ['#ffe9ec', '#ffd1d6', '#f5a0aa', '#ec6b7a', '#e43f52', '#df2339', '#b3001b', '#9b0017', '#7d0013', '#5e000e'] },
  primaryShade: 6,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});

// Mantine's dimmed grey (#868e96) is below 4.5 : 1 on white: descriptions and hints use a darker one. So are
// the text of its light yellow and green variants (an offer's alert, an active badge) on their pale backgrounds.
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#55595f', '--mantine-color-yellow-light-color': '#5c4400', '--mantine-color-green-light-color': '#1b5e20' },
  dark: {},
});

export function Ui({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={contrast} cssVariablesSelector=":root" withGlobalClasses>
      <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'vi', firstDayOfWeek: 1 }}>{children}</DatesProvider>
    </MantineProvider>
  );
}

export function Problem({ error }: { error: unknown }) {
  const { t } = useTranslation('features');
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <Alert color="red" role="alert" title={t('error')}>
      {problem ? `${problem.detail} (${problem.code})` : String((error as Error).message ?? error)}
      {problem?.errors?.length ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.field}:${e.code}`}>
              {e.field}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/** Vietnam has one offset all year (UTC+7, no daylight saving): times are shown and entered in it. */
export const VN_TZ = 'Asia/Ho_Chi_Minh';
export function vnTime(iso: string | undefined, lang = 'vi'): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: VN_TZ, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)) + ' (GMT+7)';
}
/** A picked day ("YYYY-MM-DD") and clock time ("HH:mm") read as Vietnam time, as an RFC 3339 instant. */
export function fromVnPicker(day: string, time = '00:00'): string {
  return `${day.slice(0, 10)}T${time.slice(0, 5)}:00+07:00`;
}
export const DATE_FORMAT = 'DD/MM/YYYY';
export const vnd = (n: number | undefined) => (n === undefined ? '' : `${new Intl.NumberFormat('vi-VN').format(n)} ₫`);

/** A table that scrolls sideways on a phone: the scrolling box is focusable, so keyboard users can scroll it too. */
export function ScrollTable({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
