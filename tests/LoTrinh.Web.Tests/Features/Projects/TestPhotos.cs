using System.Buffers.Binary;
using SkiaSharp;

namespace LoTrinh.Web.Tests.Features.Projects;

/// <summary>Photos as a phone would send them: a JPEG whose EXIF says where it was taken, and who made the camera.</summary>
public static class TestPhotos
{
    public const string CameraMake = "SecretCam-9000";

    /// <summary>A 64×48 JPEG taken at 11°44′24″ N, 108°22′12″ E (11.74, 108.37), its EXIF naming <see cref="CameraMake"/>.</summary>
    public static byte[] JpegWithLocation()
    {
        using var bitmap = new SKBitmap(64, 48);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(120, 160, 90));
        }

        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        var exif = Exif();
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + exif.Length));
        exif.CopyTo(segment, 4);
        // Right after the start-of-image marker, where cameras put it.
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    /// <summary>"Exif\0\0" and a little-endian TIFF: IFD0 (Make, GPS pointer), the GPS IFD (N 11°44′24″, E 108°22′12″).</summary>
    private static byte[] Exif()
    {
        var tiff = new byte[156];
        var t = tiff.AsSpan();
        "II"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt16LittleEndian(t[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(t[4..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(t[8..], 2);
        Entry(t, 10, 0x010F, 2, 15, 38);        // Make, ASCII, at 38
        Entry(t, 22, 0x8825, 4, 1, 54);         // GPS IFD at 54 (a word boundary)
        System.Text.Encoding.ASCII.GetBytes(CameraMake + "\0").CopyTo(t[38..]);
        BinaryPrimitives.WriteUInt16LittleEndian(t[54..], 4);
        Entry(t, 56, 0x0001, 2, 2, 'N');        // latitude ref, inline
        Entry(t, 68, 0x0002, 5, 3, 108);        // latitude, 3 rationals after the next-IFD pointer
        Entry(t, 80, 0x0003, 2, 2, 'E');
        Entry(t, 92, 0x0004, 5, 3, 132);
        Rationals(t, 108, 11, 44, 24);
        Rationals(t, 132, 108, 22, 12);
        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static void Entry(Span<byte> t, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(t[at..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(t[(at + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(t[(at + 4)..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(t[(at + 8)..], value);
    }

    private static void Rationals(Span<byte> t, int at, params uint[] values)
    {
        foreach (var (v, i) in values.Select((v, i) => (v, i)))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(t[(at + (i * 8))..], v);
            BinaryPrimitives.WriteUInt32LittleEndian(t[(at + (i * 8) + 4)..], 1);
        }
    }
}
