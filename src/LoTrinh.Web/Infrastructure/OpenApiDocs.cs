using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LoTrinh.Web;

/// <summary>
/// What the OpenAPI document says beyond each endpoint's own results: the Bearer scheme (an access token from the
/// accounts page), and the errors every endpoint may answer as ProblemDetails — 401 and 403 where a permission is
/// required, 404 where a record is named in the path, 409 where a write may meet a newer one.
/// </summary>
public static class OpenApiDocs
{
    public const string Scheme = "Bearer";

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Mã truy cập (access token) cấp ở trang Tài khoản; gửi trong tiêu đề Authorization: Bearer <mã>.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var route = context.Description.RelativePath ?? string.Empty;
            var method = context.Description.HttpMethod ?? "GET";
            operation.Responses ??= new OpenApiResponses();
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
                Declare(operation, "401", "Chưa đăng nhập hoặc mã truy cập không hợp lệ.");
                Declare(operation, "403", "Vai trò của người gọi không được làm việc này.");
            }

            if (route.Contains("{id", StringComparison.Ordinal))
            {
                Declare(operation, "404", "Không có bản ghi này trong phạm vi của người gọi.");
            }

            if (!HttpMethods.IsGet(method))
            {
                Declare(operation, "400", "Dữ liệu gửi lên không hợp lệ; không có gì được ghi.");
                Declare(operation, "409", "Bản ghi vừa được người khác sửa, hoặc trạng thái không cho phép; không có gì được ghi.");
            }

            return Task.CompletedTask;
        });
    }

    private static void Declare(OpenApiOperation operation, string status, string description) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
        });
}
