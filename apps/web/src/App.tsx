import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { i18n as I18n } from 'i18next';
import { lazy, Suspense, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { Session, SessionProvider, useSession } from './auth/session';
import { Layout, RequireRole } from './Layout';
import { AccessibilityStatementPage } from './pages/accessibility/AccessibilityStatementPage';
import { AdminPage } from './pages/admin/AdminPage';
import { AuditPage } from './pages/audit/AuditPage';
import { ApplicationFormPage } from './pages/applications/ApplicationFormPage';
import { MyApplicationsPage } from './pages/applications/MyApplicationsPage';
import { CasePage } from './pages/cases/CasePage';
import { ConsultationsPage } from './pages/consultations/ConsultationsPage';
import { DeliveryOrdersPage } from './pages/deliveries/DeliveryOrdersPage';
import { ToDecidePage } from './pages/controller/ToDecidePage';
import { QueuePage } from './pages/cases/QueuePage';
import { homeOf } from './pages/home-of';
import { HomePage } from './pages/HomePage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInCallbackPage } from './pages/sign-in/SignInCallbackPage';
import { SignInPage } from './pages/sign-in/SignInPage';

function Start() {
  const { session } = useSession();
  return <Navigate to={session ? homeOf(session.actor.role) : '/sign-in'} replace />;
}

// Observable Plot (with d3) is loaded only when the overview opens, keeping the first page's JS small.
const OverviewPage = lazy(() => import('./pages/overview/OverviewPage').then((module) => ({ default: module.OverviewPage })));

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Start /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-in/callback', element: <SignInCallbackPage /> },
      // Public, signed in or not: every Danish public-sector site publishes its accessibility statement.
      { path: 'tilgaengelighed', element: <AccessibilityStatementPage /> },
      {
        element: <RequireRole />,
        children: [
          { path: 'home', element: <HomePage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          // Every role that may read a case gets the same page; the API decides what it shows and allows.
          { path: 'cases/:id', element: <CasePage /> },
        ],
      },
      {
        element: <RequireRole roles={['researcher']} />,
        children: [
          { path: 'applications', element: <MyApplicationsPage /> },
          { path: 'applications/:id', element: <ApplicationFormPage /> },
        ],
      },
      {
        element: <RequireRole roles={['caseworker', 'legal_approver']} />,
        children: [
          { path: 'queues/:queue', element: <QueuePage /> },
        ],
      },
      { element: <RequireRole roles={['caseworker']} />, children: [{ path: 'overview', element: <Suspense fallback={null}><OverviewPage /></Suspense> }] },
      { element: <RequireRole roles={['advisor']} />, children: [{ path: 'consultations', element: <ConsultationsPage /> }] },
      { element: <RequireRole roles={['controller']} />, children: [{ path: 'to-decide', element: <ToDecidePage /> }] },
      { element: <RequireRole roles={['data_holder', 'environment_operator']} />, children: [{ path: 'deliveries', element: <DeliveryOrdersPage /> }] },
      { element: <RequireRole roles={['auditor']} />, children: [{ path: 'audit', element: <AuditPage /> }] },
      { element: <RequireRole roles={['admin']} />, children: [{ path: 'admin', element: <AdminPage /> }] },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

/** The console: i18n, the in-memory session with its typed client, TanStack Query, the router. */
export function App({ i18n, session }: { i18n: I18n; session?: Session }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }));
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider initial={session}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </SessionProvider>
    </I18nextProvider>
  );
}
