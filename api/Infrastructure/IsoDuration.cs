using System.Text;
using NodaTime;

namespace Crm.Api.Infrastructure;

/// <summary>Durations as the contract writes them: ISO-8601 time parts (<c>PT4H30M</c>).</summary>
public static class IsoDuration
{
    public static string Format(Duration duration)
    {
        if (duration == Duration.Zero)
            return "PT0S";
        var sign = duration < Duration.Zero ? "-" : "";
        var d = duration < Duration.Zero ? -duration : duration;
        var text = new StringBuilder("PT");
        var hours = (long)d.TotalHours;
        if (hours > 0)
            text.Append(hours).Append('H');
        if (d.Minutes > 0)
            text.Append(d.Minutes).Append('M');
        var seconds = d.Seconds + (d.SubsecondNanoseconds / 1e9);
        if (seconds > 0)
            text.Append(seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)).Append('S');
        return sign + text;
    }
}
