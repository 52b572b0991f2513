// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../app/App';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { AuthProvider } from './AuthProvider';

// A manager's shell opens the alerts hub; one that connects and stays silent is all these tests need.
vi.mock('@microsoft/signalr', () => {
  class Builder {
    withUrl() {
      return this;
    }
    withAutomaticReconnect() {
      return this;
    }
    configureLogging() {
      return this;
    }
    build() {
      return {
        state: 'Connected',
        on: () => {},
        onreconnecting: () => {},
        onreconnected: () => {},
        onclose: () => {},
        start: async () => {},
        stop: async () => {},
        invoke: async () => undefined,
      };
    }
  }
  return {
    HubConnectionBuilder: Builder,
    HubConnectionState: { Connected: 'Connected' },
    LogLevel: { Warning: 3 },
  };
});

const renderApp = () =>
  render(
    <I18nProvider initial="en">
      <AuthProvider>
        <App />
      </AuthProvider>
    </I18nProvider>,
  );

const anna = { id: 'anna', name: 'Anna', email: 'anna@crm.local', role: 'manager', teamId: 'sales' };

const fill = (current: string, next: string, repeat = next) => {
  fireEvent.change(screen.getByTestId('password-current'), { target: { value: current } });
  fireEvent.change(screen.getByTestId('password-new'), { target: { value: next } });
  fireEvent.change(screen.getByTestId('password-repeat'), { target: { value: repeat } });
  fireEvent.click(screen.getByTestId('password-submit'));
};

describe('change password', () => {
  it('a one-time password leads to the change form only, then to the home screen with the new token', async () => {
    window.history.replaceState(null, '', '/signin');
    const { calls } = mockApi({
      'POST /api/auth/token': () => ({
        accessToken: 'one-time-token',
        expiresAt: '2099-01-01T00:00:00Z',
        mustChangePassword: true,
        user: { ...anna, mustChangePassword: true },
      }),
      'PUT /api/me/password': () => ({
        accessToken: 'fresh-token',
        expiresAt: '2099-01-01T00:00:00Z',
        mustChangePassword: false,
        user: { ...anna, mustChangePassword: false },
      }),
      'GET /api/deals': () => [],
    });
    renderApp();
    fireEvent.change(screen.getByTestId('signin-email'), { target: { value: 'anna@crm.local' } });
    fireEvent.change(screen.getByTestId('signin-password'), { target: { value: 'Kx7hQ2mP9rTw4vYz' } });
    fireEvent.click(screen.getByTestId('signin-submit'));

    await screen.findByTestId('password-must-change');
    expect(screen.queryByTestId('sign-out')).toBeNull();
    fill('Kx7hQ2mP9rTw4vYz', 'Tundra-Lantern-42');

    await screen.findByTestId('user-name');
    const change = calls.find((c) => c.path === '/api/me/password')!;
    expect(change).toMatchObject({
      method: 'PUT',
      body: { currentPassword: 'Kx7hQ2mP9rTw4vYz', newPassword: 'Tundra-Lantern-42' },
    });
    expect(change.headers.Authorization).toBe('Bearer one-time-token');
    expect(JSON.parse(localStorage.getItem('crm.auth')!).accessToken).toBe('fresh-token');
    expect(window.location.pathname).toBe('/workspace');
  });

  it('a signed-in user opens it from the top bar and sees the server’s reason for a refusal', async () => {
    signInAs('admin'); // admins keep no alert hub connection, which this test has no server for
    window.history.replaceState(null, '', '/designer');
    const { calls } = mockApi({
      'GET /api/workflows': () => [],
      'PUT /api/me/password': () => ({
        status: 400,
        body: {
          title: 'The request is not valid.',
          errors: { currentPassword: ['The current password is wrong; nothing was changed.'] },
        },
      }),
    });
    renderApp();
    fireEvent.click(await screen.findByTestId('change-password'));
    await screen.findByTestId('password-form');

    fill('demo', 'Tundra-Lantern-42', 'Tundra-Lantern-43');
    expect((await screen.findByTestId('password-error')).textContent).toBe('The two new passwords differ');
    expect(calls.some((c) => c.path === '/api/me/password')).toBe(false);

    fill('wrong', 'Tundra-Lantern-42');
    expect((await screen.findByText(/current password is wrong/)).textContent).toContain(
      'nothing was changed',
    );
  });
});
