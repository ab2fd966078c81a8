using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SkiaSharp;

namespace LoTrinh.Web.Features.Projects;

/// <summary>A photo as stored: re-encoded JPEG with no metadata, its size, and what its EXIF said of where and when.</summary>
public sealed record ProcessedPhoto(byte[] Jpeg, int Width, int Height, decimal? Latitude, decimal? Longitude, DateTime? TakenAt);

/// <summary>
/// Photos from the field. Whatever arrives is decoded and drawn again as a JPEG: the camera's metadata (serial numbers,
/// the owner's name, thumbnails, anything hidden in the file) does not survive, nor does a file that only claims to be an
/// image. The location and time are read from EXIF first and kept as fields.
/// </summary>
public static class PhotoUpload
{
    public const long MaxBytes = 15L * 1024 * 1024;

    /// <summary>Larger photos are scaled down to this longest side: enough to read a site sign, small enough for a phone.</summary>
    public const int MaxSide = 2048;

    public static async Task<(ProcessedPhoto? Photo, string? Problem)> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, "Chọn một ảnh (JPEG, PNG, WebP…).");
        }

        if (file.Length > MaxBytes)
        {
            return (null, $"Ảnh {file.Length / 1024.0 / 1024.0:0.#} MB, lớn hơn giới hạn {MaxBytes / 1024 / 1024} MB.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return Process(buffer.ToArray(), file.FileName);
    }

    /// <summary>The photo of an API request (multipart field "file"), read, with the row to store; or the field's problem.</summary>
    public static async Task<(Photo? Row, InputErrors Errors)> FromRequestAsync(HttpRequest request, string uploadedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        var (photo, problem) = await ReadAsync(file, ct);
        var errors = new InputErrors();
        if (photo is null)
        {
            errors.Add("file", problem!);
            return (null, errors);
        }

        return (ProjectsApi.NewPhoto(photo, file!.FileName, uploadedBy), errors);
    }

    public static (ProcessedPhoto? Photo, string? Problem) Process(byte[] bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0 || (long)codec.Info.Width * codec.Info.Height > 100_000_000)
        {
            return (null, $"Tệp \"{Path.GetFileName(fileName)}\" không phải là ảnh (hoặc ảnh hỏng, quá lớn).");
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return (null, $"Không đọc được ảnh \"{Path.GetFileName(fileName)}\": tệp hỏng.");
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(upright.Width, upright.Height));
        var (width, height) = (Math.Max(1, (int)Math.Round(upright.Width * scale)), Math.Max(1, (int)Math.Round(upright.Height * scale)));
        using var sized = scale < 1 ? upright.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)) : null;
        using var image = SKImage.FromBitmap(sized ?? upright);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        var (lat, lng, taken) = Exif(bytes);
        return (new ProcessedPhoto(jpeg.ToArray(), image.Width, image.Height, lat, lng, taken), null);
    }

    /// <summary>The camera's orientation applied to the pixels: the tag that said it is dropped with the rest.</summary>
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        var turned = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(turned);
        canvas.Clear(SKColors.White);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return turned;
    }

    private static (decimal? Latitude, decimal? Longitude, DateTime? TakenAt) Exif(byte[] bytes)
    {
        try
        {
            var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(bytes));
            decimal? lat = null, lng = null;
            if (directories.OfType<GpsDirectory>().FirstOrDefault() is { } gps && gps.GetGeoLocation() is { } location
                && double.IsFinite(location.Latitude) && double.IsFinite(location.Longitude)
                && Math.Abs(location.Latitude) <= 90 && Math.Abs(location.Longitude) <= 180 && (location.Latitude != 0 || location.Longitude != 0))
            {
                (lat, lng) = (Math.Round((decimal)location.Latitude, 6), Math.Round((decimal)location.Longitude, 6));
            }

            DateTime? taken = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault() is { } sub
                && sub.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var at) ? at : null;
            return (lat, lng, taken);
        }
        catch (Exception e) when (e is ImageProcessingException or IOException or ArgumentException or FormatException or InvalidOperationException)
        {
            // The pixels were read; metadata that cannot be is simply not there.
            return (null, null, null);
        }
    }

    /// <summary>"11.741234, 108.371234" for a page.</summary>
    public static string Point(decimal latitude, decimal longitude) =>
        string.Create(CultureInfo.InvariantCulture, $"{latitude:0.######}, {longitude:0.######}");
}
