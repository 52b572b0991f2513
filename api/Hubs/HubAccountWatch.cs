using System.Collections.Concurrent;
using Crm.Api.Auth;
using Crm.Api.Directory;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Api.Hubs;

/// <summary>
/// The open alert connections of this node. Whenever the directory reloads (an edit here or on another node), a
/// connection whose token no longer speaks for its user — deactivated, role or team changed, password changed — is closed.
/// </summary>
public sealed class HubAccountWatch
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);
    private readonly UserDirectory _directory;

    public HubAccountWatch(UserDirectory directory)
    {
        _directory = directory;
        directory.Reloaded += CloseRevoked;
    }

    /// <summary>Tracks the connection; false (and closed) when its account was revoked between sign-in and now.</summary>
    public bool Opened(HubCallerContext connection)
    {
        _open[connection.ConnectionId] = connection;
        if (StillValid(connection))
            return true;
        Closed(connection.ConnectionId);
        connection.Abort();
        return false;
    }

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    private void CloseRevoked()
    {
        foreach (var connection in _open.Values)
        {
            if (!StillValid(connection))
            {
                Closed(connection.ConnectionId);
                connection.Abort();
            }
        }
    }

    private bool StillValid(HubCallerContext connection) =>
        connection.User is { } user && TokenAccountCheck.Holder(user, _directory) is { MustChangePassword: false };
}
