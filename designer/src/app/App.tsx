import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import type { Role } from '../api/types';
import { AlertsProvider } from '../features/alerts/AlertsProvider';
import { homeFor, useAuth } from '../features/auth/AuthProvider';
import { ChangePassword } from '../features/auth/ChangePassword';
import { SignIn } from '../features/auth/SignIn';
import { useI18n } from '../i18n/I18nProvider';
import { match, navigate, usePath } from './router';
import { Shell } from './Shell';

// The designer pulls in the canvas library and the dashboard the charts: load each only when opened.
const WorkflowList = lazy(() => import('../features/designer/WorkflowList'));
const DesignerPage = lazy(() => import('../features/designer/DesignerPage'));
const CalendarsPage = lazy(() => import('../features/calendars/CalendarsPage'));
const Workspace = lazy(() => import('../features/workspace/Workspace'));
const DealPage = lazy(() => import('../features/deal/DealPage'));
const ClientsPage = lazy(() => import('../features/clients/ClientsPage'));
const ClientPage = lazy(() => import('../features/clients/ClientPage'));
const Dashboard = lazy(() => import('../features/dashboard/Dashboard'));
const MyCompliance = lazy(() => import('../features/compliance/MyCompliance'));

interface Route {
  pattern: string;
  roles: Role[];
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: Route[] = [
  { pattern: '/designer', roles: ['admin'], render: () => <WorkflowList /> },
  { pattern: '/designer/new', roles: ['admin'], render: () => <DesignerPage workflowId={null} /> },
  {
    pattern: '/designer/:id',
    roles: ['admin'],
    render: (p) => <DesignerPage key={p.id} workflowId={p.id!} />,
  },
  {
    pattern: '/designer/:id/versions/:version',
    roles: ['admin'],
    render: (p) => (
      <DesignerPage key={`${p.id}@${p.version}`} workflowId={p.id!} version={Number(p.version)} />
    ),
  },
  { pattern: '/calendars', roles: ['admin'], render: () => <CalendarsPage /> },
  { pattern: '/workspace', roles: ['manager', 'head'], render: () => <Workspace /> },
  {
    pattern: '/deals/:id',
    roles: ['manager', 'head', 'admin'],
    render: (p) => <DealPage key={p.id} dealId={p.id!} />,
  },
  { pattern: '/clients', roles: ['manager', 'head', 'admin'], render: () => <ClientsPage /> },
  {
    pattern: '/clients/:id',
    roles: ['manager', 'head', 'admin'],
    render: (p) => <ClientPage key={p.id} clientId={p.id!} />,
  },
  { pattern: '/dashboard', roles: ['head', 'admin'], render: () => <Dashboard /> },
  { pattern: '/me/compliance', roles: ['manager', 'head'], render: () => <MyCompliance /> },
  { pattern: '/me/password', roles: ['manager', 'head', 'admin'], render: () => <ChangePassword /> },
];

export function App() {
  const path = usePath();
  const { user } = useAuth();
  const { t } = useI18n();

  const found = ROUTES.map((r) => ({ r, params: match(r.pattern, path) })).find((x) => x.params);
  const allowed = found && user && found.r.roles.includes(user.role);

  useEffect(() => {
    if (!user && !path.startsWith('/signin')) navigate('/signin', true);
    else if (user && (path.startsWith('/signin') || !allowed)) navigate(homeFor(user), true);
  }, [user, path, allowed]);

  if (!user) return <SignIn />;
  // A one-time password allows nothing else on the server either.
  if (user.mustChangePassword) return <ChangePassword forced />;
  if (!found || !allowed) return null;
  return (
    <AlertsGate role={user.role}>
      <Shell path={path}>
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          {found.r.render(found.params!)}
        </Suspense>
      </Shell>
    </AlertsGate>
  );
}

/** Admins get no deal alerts; everyone else keeps one hub connection for the whole session. */
function AlertsGate({ role, children }: { role: Role; children: ReactNode }) {
  if (role === 'admin') return <NoAlerts>{children}</NoAlerts>;
  return <AlertsProvider>{children}</AlertsProvider>;
}

function NoAlerts({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
