using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features;

/// <summary>The page shown for an error status on a page (the API answers ProblemDetails instead).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = string.Empty;
    public string Explanation { get; private set; } = string.Empty;

    public void OnGet(int code) => Describe(code);

    [AnonymousHandler]
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        // Shown for an exception: the status its kind deserves (RefusalHandler.Classify), set by the exception handler.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            code = Response.StatusCode;
            if (code == StatusCodes.Status503ServiceUnavailable)
            {
                Response.Headers.RetryAfter = RefusalHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        (Title, Explanation) = code switch
        {
            400 => ("Yêu cầu không hợp lệ", "Biểu mẫu đã hết hạn hoặc không đúng. Tải lại trang rồi gửi lại; không có gì được ghi."),
            403 => ("Không có quyền", "Vai trò của bạn không được làm việc này."),
            404 => ("Không tìm thấy", "Trang hoặc bản ghi này không có, hoặc nằm ngoài phạm vi của bạn."),
            409 => ("Dữ liệu vừa thay đổi", "Bản ghi vừa được người khác sửa; không có gì được ghi. Tải lại để xem giá trị hiện tại."),
            429 => ("Quá nhiều lần thử", "Chờ một phút rồi thử lại."),
            503 => ("Tạm thời không phục vụ được", "Cơ sở dữ liệu đang bận hoặc khởi động lại; không có gì được ghi. Thử lại sau vài giây."),
            _ => ("Có lỗi", "Hệ thống gặp lỗi; không có gì được ghi. Thử lại sau hoặc báo quản trị."),
        };
        ViewData["StatusCode"] = code;
    }
}
