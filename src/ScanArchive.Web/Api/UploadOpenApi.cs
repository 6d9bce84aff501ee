using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ScanArchive.Web.Api;

/// <summary>
/// Describes the multipart body of <c>POST /api/batches/{name}/files</c> in the OpenAPI document. The endpoint reads
/// the form itself: declaring it with <c>Accepts</c> would make routing answer 415 to a wrong content type before
/// authorization had refused an anonymous caller, so the document gets the body from this transformer instead.
/// </summary>
public static class UploadOpenApi
{
    /// <summary>The media type of an upload.</summary>
    public const string MediaType = "multipart/form-data";

    public static Task DescribeBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One or more files (PNG, JPEG, TIFF, BMP, PNM, PDF), each a part named 'files'.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [MediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { Hosting.FormUploads.FieldName },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            [Hosting.FormUploads.FieldName] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Array,
                                Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
