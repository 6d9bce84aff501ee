using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ScanArchive.Web.Hosting;

/// <summary>
/// <c>serve --https [--cert FILE.pfx [--cert-password-file FILE]]</c>: HTTPS with the given certificate, or with the
/// standard Kestrel configuration (<c>Kestrel:Certificates:Default:Path</c>/<c>:Password</c>) when no file is given.
/// </summary>
/// <param name="CertificatePath">The PKCS#12 file, or null to use the Kestrel configuration.</param>
/// <param name="PasswordFile">A file whose first line is the certificate's password (keeps it out of the process list), or null.</param>
public sealed record HttpsSettings(string? CertificatePath, string? PasswordFile)
{
    /// <summary>Loads the certificate named by <see cref="CertificatePath"/>.</summary>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable or has no private key.</exception>
    public X509Certificate2 LoadCertificate()
    {
        var path = CertificatePath ?? throw new InvalidOperationException("No certificate file was given (--cert FILE.pfx).");
        try
        {
            var password = PasswordFile is null ? null : File.ReadLines(PasswordFile).FirstOrDefault()?.TrimEnd('\r', '\n');
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The certificate {path} has no private key; give the PKCS#12 (.pfx) file that holds it.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"The HTTPS certificate {path} could not be loaded: {ex.Message}", ex);
        }
    }
}
