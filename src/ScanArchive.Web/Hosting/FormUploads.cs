using ScanArchive.Application.Capture;

namespace ScanArchive.Web.Hosting;

/// <summary>The files of a multipart form as the upload use case takes them (name and content).</summary>
public static class FormUploads
{
    /// <summary>The form field that carries the files (API and upload form).</summary>
    public const string FieldName = "files";

    /// <summary>The files sent in <see cref="FieldName"/>.</summary>
    public static IReadOnlyList<UploadFile> Of(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Files.GetFiles(FieldName).Select(f => new UploadFile(f.FileName, f.OpenReadStream)).ToList();
    }
}
