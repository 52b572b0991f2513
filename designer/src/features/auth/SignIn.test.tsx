// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { AuthProvider } from './AuthProvider';

const renderApp = () =>
  render(
    <I18nProvider initial="en">
      <AuthProvider>
        <App />
      </AuthProvider>
    </I18nProvider>,
  );

describe('sign-in', () => {
  it('signs in, keeps the token and lands an admin on the designer', async () => {
    const { calls } = mockApi({
      'POST /api/auth/token': () => ({
        accessToken: 'abc',
        expiresAt: '2099-01-01T00:00:00Z',
        user: { id: 'u1', name: 'Admin', email: 'admin@crm.local', role: 'admin', teamId: null },
      }),
      'GET /api/workflows': () => [
        { id: 'b2b-sales', name: 'B2B sales', draftVersion: 2, publishedVersion: 1 },
      ],
    });
    renderApp();
    fireEvent.change(screen.getByTestId('signin-email'), { target: { value: 'admin@crm.local' } });
    fireEvent.change(screen.getByTestId('signin-password'), { target: { value: 'demo' } });
    fireEvent.click(screen.getByTestId('signin-submit'));
    await screen.findByTestId('workflow-b2b-sales');
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/api/auth/token',
      body: { email: 'admin@crm.local', password: 'demo' },
    });
    expect(JSON.parse(localStorage.getItem('crm.auth')!).accessToken).toBe('abc');
    expect(window.location.pathname).toBe('/designer');
    const list = calls.find((c) => c.path === '/api/workflows')!;
    expect(list.headers.Authorization).toBe('Bearer abc');
  });

  it('shows an error on wrong credentials', async () => {
    mockApi({ 'POST /api/auth/token': () => ({ status: 401, body: { title: 'Unauthorized' } }) });
    renderApp();
    fireEvent.change(screen.getByTestId('signin-email'), { target: { value: 'x@crm.local' } });
    fireEvent.change(screen.getByTestId('signin-password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByTestId('signin-submit'));
    expect((await screen.findByTestId('signin-error')).textContent).toBe('Wrong email or password');
  });

  it('a 401 on any call sends the user back to sign-in', async () => {
    signInAs('admin');
    window.history.replaceState(null, '', '/designer');
    mockApi({ 'GET /api/workflows': () => ({ status: 401 }) });
    renderApp();
    await screen.findByTestId('signin-form');
    await waitFor(() => expect(window.location.pathname).toBe('/signin'));
    expect(localStorage.getItem('crm.auth')).toBeNull();
  });
});
