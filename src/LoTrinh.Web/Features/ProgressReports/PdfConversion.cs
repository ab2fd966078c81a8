using System.Diagnostics;

namespace LoTrinh.Web.Features.ProgressReports;

/// <summary>
/// A DOCX printed to PDF by LibreOffice headless (Debian's libreoffice-writer-nogui, installed by run.sh and test.sh).
/// One conversion at a time, each with a profile of its own (two soffice processes on one profile block each other),
/// and a time limit: a hung converter must not hold a request forever.
/// </summary>
public sealed partial class PdfConversion(IConfiguration configuration, ILogger<PdfConversion> logger)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>The converter's path: configured (Reports:LibreOffice), or soffice on the PATH; null when there is none.</summary>
    public string? Converter
    {
        get
        {
            var configured = configuration["Reports:LibreOffice"];
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return File.Exists(configured) ? configured : null;
            }

            return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, "soffice")).FirstOrDefault(File.Exists);
        }
    }

    /// <summary>The PDF, or null when LibreOffice is absent or failed (logged); the caller offers the DOCX instead.</summary>
    public async Task<byte[]?> ConvertAsync(byte[] docx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(docx);
        if (Converter is not { } soffice)
        {
            return null;
        }

        var work = Directory.CreateTempSubdirectory("lotrinh-pdf-");
        await OneAtATime.WaitAsync(ct);
        try
        {
            var input = Path.Combine(work.FullName, "bao-cao.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = work.FullName,
            };
            foreach (var argument in new[]
            {
                "--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation=file://{Path.Combine(work.FullName, "profile")}",
                "--convert-to", "pdf", "--outdir", work.FullName, input,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(Limit);
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var error = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                ct.ThrowIfCancellationRequested();
                TimedOut(logger, Limit);
                return null;
            }

            var pdf = Path.Combine(work.FullName, "bao-cao.pdf");
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                Failed(logger, process.ExitCode, await output, await error);
                return null;
            }

            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            OneAtATime.Release();
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException e)
            {
                NotRemoved(logger, e, work.FullName);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LibreOffice did not finish converting a report within {Limit}.")]
    private static partial void TimedOut(ILogger logger, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LibreOffice could not convert a report (exit {Code}): {Output} {Error}")]
    private static partial void Failed(ILogger logger, int code, string output, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove {Directory}.")]
    private static partial void NotRemoved(ILogger logger, Exception e, string directory);
}
