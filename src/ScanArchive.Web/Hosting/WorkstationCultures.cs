using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ScanArchive.Web.Hosting;

/// <summary>
/// The two UI languages. The browser's <c>Accept-Language</c> decides until the person picks one (a cookie); any
/// Chinese variant gets <c>zh-CN</c>, any English variant <c>en</c>; anything else gets Chinese.
/// </summary>
public static class WorkstationCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary>The cookie the language switch writes.</summary>
    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    public static IReadOnlyList<string> Supported { get; } = [Chinese, English];

    /// <summary>The supported culture a language tag stands for, or null.</summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var t = tag.Trim();
        if (t.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return Chinese;
        }

        return t.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : null;
    }

    /// <summary>The other language (what the switch offers).</summary>
    public static string Other(CultureInfo current) => Normalize(current?.Name) == English ? Chinese : English;

    public static RequestLocalizationOptions Options()
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = false,
            FallBackToParentUICultures = false,
        };
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageProvider()];
        return options;
    }

    /// <summary>Remembers the chosen language in the culture cookie.</summary>
    public static void WriteCookie(HttpContext http, string culture)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(
            CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/" });
    }

    /// <summary>After sign-in: the account's saved language wins over the browser's.</summary>
    public static void ApplyAccountLanguage(HttpContext http, string? language)
    {
        if (Normalize(language) is { } culture)
        {
            WriteCookie(http, culture);
        }
    }

    /// <summary>Maps the browser's languages (in order of preference) onto the two the workstation has.</summary>
    private sealed class AcceptLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var languages = httpContext.Request.GetTypedHeaders().AcceptLanguage;
            var culture = languages
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => Normalize(l.Value.Value))
                .FirstOrDefault(c => c is not null);
            return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
        }
    }
}
