import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { Session, SessionProvider, useSession } from './auth/session';
import { Layout, RequireRole } from './Layout';
import { ApplicationFormPage } from './pages/applications/ApplicationFormPage';
import { MyApplicationsPage } from './pages/applications/MyApplicationsPage';
import { CasePage } from './pages/cases/CasePage';
import { QueuePage } from './pages/cases/QueuePage';
import { homeOf } from './pages/home-of';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/sign-in/SignInPage';

function Start() {
  const { session } = useSession();
  return <Navigate to={session ? homeOf(session.actor.role) : '/sign-in'} replace />;
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Start /> },
      { path: 'sign-in', element: <SignInPage /> },
      {
        element: <RequireRole />,
        children: [{ path: 'home', element: <HomePage /> }],
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
          { path: 'cases/:id', element: <CasePage /> },
        ],
      },
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
