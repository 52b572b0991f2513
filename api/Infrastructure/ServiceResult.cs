using System.Diagnostics.CodeAnalysis;

namespace Crm.Api.Infrastructure;

/// <summary>What a service call came to: its value, or the expected <see cref="ServiceFailure"/> that stopped it.</summary>
public readonly record struct ServiceResult<T>
{
    private readonly T? _value;

    private ServiceResult(T? value, ServiceFailure? failure)
    {
        _value = value;
        Failure = failure;
    }

    public ServiceFailure? Failure { get; }

    public bool Succeeded([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Failure is null;
    }

    public static implicit operator ServiceResult<T>(T value) => new(value, null);

    public static implicit operator ServiceResult<T>(ServiceFailure failure) => new(default, failure);
}
