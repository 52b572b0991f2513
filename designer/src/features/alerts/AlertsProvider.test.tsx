// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { AlertBell } from './AlertBell';
import { AlertsProvider } from './AlertsProvider';
import { Toasts } from './Toasts';

// A stand-in hub: the tests drive its events; SignalR itself is not under test.
const hub = vi.hoisted(() => ({
  handlers: {} as Record<string, (arg: unknown) => void>,
  reconnecting: undefined as undefined | (() => void),
  reconnected: undefined as undefined | (() => void),
  invoke: vi.fn(async () => undefined),
  url: '',
  token: '',
}));
vi.mock('@microsoft/signalr', () => {
  class Builder {
    withUrl(url: string, options: { accessTokenFactory: () => string }) {
      hub.url = url;
      hub.token = options.accessTokenFactory();
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
        on: (name: string, fn: (arg: unknown) => void) => (hub.handlers[name] = fn),
        onreconnecting: (fn: () => void) => (hub.reconnecting = fn),
        onreconnected: (fn: () => void) => (hub.reconnected = fn),
        onclose: () => {},
        start: async () => {},
        stop: async () => {},
        invoke: hub.invoke,
      };
    }
  }
  return {
    HubConnectionBuilder: Builder,
    HubConnectionState: { Connected: 'Connected' },
    LogLevel: { Warning: 3 },
  };
});

const alert = (id: string) => ({
  id,
  kind: 'breach',
  dealId: `deal-${id}`,
  dealTitle: `Deal ${id}`,
  raisedAt: '2027-03-01T10:00:00Z',
});

function renderAlerts() {
  return render(
    <I18nProvider initial="en">
      <AlertsProvider>
        <AlertBell />
        <Toasts />
      </AlertsProvider>
    </I18nProvider>,
  );
}

describe('live alerts', () => {
  beforeEach(() => {
    hub.invoke.mockClear();
    hub.handlers = {};
    signInAs('manager', 'anna');
    localStorage.setItem('crm.alerts.muted', '1');
  });

  it('loads unacknowledged alerts, then adds live ones once each', async () => {
    const { calls } = mockApi({ 'GET /api/alerts': () => [alert('a1')] });
    renderAlerts();
    expect((await screen.findByTestId('unread-badge')).textContent).toBe('1');
    expect(calls[0]!.path).toBe('/api/alerts?unacknowledged=true');
    expect(hub.url).toBe('/hubs/alerts');
    expect(hub.token).toBe('token-123');
    await waitFor(() => expect(hub.handlers.alert).toBeDefined());
    act(() => hub.handlers.alert!(alert('a2')));
    act(() => hub.handlers.alert!(alert('a2'))); // replay after reconnect: same id
    expect(screen.getByTestId('unread-badge').textContent).toBe('2');
    expect(screen.getAllByTestId('toast')).toHaveLength(1);
  });

  it('shows reconnecting and acknowledges through the hub', async () => {
    mockApi({ 'GET /api/alerts': () => [] });
    renderAlerts();
    await waitFor(() => expect(hub.handlers.alert).toBeDefined());
    act(() => hub.reconnecting!());
    expect(screen.getByTestId('hub-status').textContent).toBe('reconnecting…');
    act(() => hub.reconnected!());
    act(() => hub.handlers.alert!(alert('a3')));
    fireEvent.click(screen.getByTestId('toast-ack'));
    await waitFor(() => expect(hub.invoke).toHaveBeenCalledWith('Ack', 'a3'));
    await waitFor(() => expect(screen.queryByTestId('unread-badge')).toBeNull());
    expect(screen.queryByTestId('toast')).toBeNull();
  });
});
