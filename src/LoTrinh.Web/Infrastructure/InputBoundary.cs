using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web;

/// <summary>
/// The one gate every request passes before any handler reads it: text that PostgreSQL or the UTF-8
/// encoder cannot store (a NUL byte, half of a UTF-16 surrogate pair), text far longer than any field
/// holds, and JSON that does not parse are refused with 400 and a message naming where, so no handler
/// has to remember to check and nothing reaches the database.
/// </summary>
public static class InputBoundary
{
    /// <summary>A query value: a search, a filter, a date. Longer is not a filter anyone types.</summary>
    public const int MaxQueryValue = 2_000;

    /// <summary>A text field in a form or JSON: room for the full text of a long directive (a 35-page one is ~35,000).</summary>
    public const int MaxText = 400_000;

    /// <summary>A JSON body (files come as multipart and have their own limit).</summary>
    public const int MaxJsonBytes = 8 * 1024 * 1024;

    public static IApplicationBuilder UseInputBoundary(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // A status page being shown for an earlier refusal is not checked again.
        var problem = context.Features.Get<IStatusCodeReExecuteFeature>() is null ? await CheckAsync(context.Request) : null;
        if (problem is null)
        {
            await next();
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (Security.IsApi(context))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Dữ liệu gửi lên không hợp lệ; không có gì được ghi.",
                    Detail = problem,
                },
            });
        }
    });

    /// <summary>What is wrong with the request's text, or null when nothing is.</summary>
    public static async Task<string?> CheckAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Problem(request.Path.Value, MaxQueryValue) is { } inPath)
        {
            return $"Đường dẫn: {inPath}";
        }

        foreach (var (key, values) in request.Query)
        {
            foreach (var value in values.Prepend(key))
            {
                if (Problem(value, MaxQueryValue) is { } p)
                {
                    return $"Tham số \"{Shown(key)}\": {p}";
                }
            }
        }

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                return "Không đọc được biểu mẫu gửi lên (sai định dạng hoặc quá lớn).";
            }

            foreach (var (key, values) in form)
            {
                foreach (var value in values.Prepend(key))
                {
                    if (Problem(value, MaxText) is { } p)
                    {
                        return $"Trường \"{Shown(key)}\": {p}";
                    }
                }
            }

            return form.Files.Select(f => Problem(f.FileName, 255)).FirstOrDefault(p => p is not null) is { } inName
                ? $"Tên tệp: {inName}"
                : null;
        }

        return request.HasJsonContentType() ? await CheckJsonAsync(request) : null;
    }

    private static async Task<string?> CheckJsonAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxJsonBytes)
        {
            return $"Nội dung JSON lớn hơn {MaxJsonBytes / 1024 / 1024} MB.";
        }

        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxJsonBytes);
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            body = buffer.ToArray();
        }
        catch (IOException)
        {
            return $"Nội dung JSON lớn hơn {MaxJsonBytes / 1024 / 1024} MB.";
        }
        finally
        {
            request.Body.Position = 0;
        }

        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow });
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                    && Problem(reader.GetString(), MaxText) is { } p)
                {
                    return $"Nội dung JSON, gần vị trí {reader.TokenStartIndex}: {p}";
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // InvalidOperationException: an escaped half of a surrogate pair, or bytes that are not UTF-8.
            return "Nội dung không phải JSON hợp lệ (hoặc chứa ký tự Unicode không hợp lệ).";
        }

        return null;
    }

    /// <summary>Why this text cannot be taken: NUL, a lone surrogate, or too long; null when it can.</summary>
    public static string? Problem(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            return $"dài {text.Length:N0} ký tự, vượt giới hạn {maxLength:N0}.";
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return "chứa ký tự NUL (mã 0), không lưu được.";
        }

        return !IsWellFormed(text)
            ? "chứa ký tự Unicode không hợp lệ (nửa cặp UTF-16)."
            : null;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shown(string key) => key.Length > 40 || Problem(key, 40) is not null ? "(tên không hợp lệ)" : key;
}
