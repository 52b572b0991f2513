import type { ReactNode } from 'react';
import type { Role } from '../api/types';
import { AlertBell } from '../features/alerts/AlertBell';
import { Toasts } from '../features/alerts/Toasts';
import { useAuth } from '../features/auth/AuthProvider';
import { TopSearch } from '../features/search/TopSearch';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/dict';
import { LangSwitch } from './LangSwitch';
import { Link } from './Link';

const NAV: Record<Role, { href: string; key: MessageKey }[]> = {
  admin: [
    { href: '/designer', key: 'nav.designer' },
    { href: '/calendars', key: 'nav.calendars' },
    // Admins read the clients' change history (152-FZ) on the client card.
    { href: '/clients', key: 'nav.clients' },
  ],
  manager: [
    { href: '/workspace', key: 'nav.workspace' },
    { href: '/clients', key: 'nav.clients' },
    { href: '/me/compliance', key: 'nav.myCompliance' },
  ],
  head: [
    { href: '/dashboard', key: 'nav.dashboard' },
    { href: '/workspace', key: 'nav.workspace' },
    { href: '/clients', key: 'nav.clients' },
    { href: '/me/compliance', key: 'nav.myCompliance' },
  ],
};

export function Shell({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useI18n();
  const { user, signOut } = useAuth();
  const items = NAV[user?.role ?? 'manager'] ?? [];
  return (
    <div className="shell">
      <header className="topbar">
        <strong className="brand">Crm</strong>
        <nav>
          {items.map((i) => (
            <Link
              key={i.href}
              href={i.href}
              className={path.startsWith(i.href) ? 'active' : ''}
              data-testid={`nav-${i.href.slice(1).replaceAll('/', '-')}`}
            >
              {t(i.key)}
            </Link>
          ))}
        </nav>
        <div className="spacer" />
        {user?.role !== 'admin' && <TopSearch />}
        {user?.role !== 'admin' && <AlertBell />}
        <LangSwitch />
        <span className="muted small user-name" data-testid="user-name">
          {user?.name}
        </span>
        <Link href="/me/password" className="small" data-testid="change-password">
          {t('password.title')}
        </Link>
        <button type="button" className="ghost small" data-testid="sign-out" onClick={signOut}>
          {t('nav.signOut')}
        </button>
      </header>
      <main className="content">{children}</main>
      {user?.role !== 'admin' && <Toasts />}
    </div>
  );
}
