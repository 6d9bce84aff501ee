using System.Globalization;

namespace ScanArchive.Application.Accounts;

/// <summary>The interface languages an account may prefer: Simplified Chinese and English, the two the messages exist in.</summary>
public static class AccountLanguages
{
    /// <summary>
    /// <c>zh-CN</c> for any Chinese culture name, <c>en</c> for any English one, null for none (the browser decides).
    /// </summary>
    /// <exception cref="AccountException">Another or an unknown language (<see cref="AccountProblem.InvalidLanguage"/>).</exception>
    public static string? Normalize(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(language.Trim(), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            throw new AccountException(AccountProblem.InvalidLanguage, UserNames.ForDisplay(language));
        }

        return culture.TwoLetterISOLanguageName switch
        {
            "zh" => "zh-CN",
            "en" => "en",
            _ => throw new AccountException(AccountProblem.InvalidLanguage, UserNames.ForDisplay(language)),
        };
    }
}
