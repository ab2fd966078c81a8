using System.Globalization;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Urging;

/// <summary>The secretariat's urging rules, each field checked and named when wrong.</summary>
public sealed class RulesModel(AppDbContext db, TimeProvider time) : FormPage
{
    [BindProperty] public string? DaysBefore { get; set; }
    [BindProperty] public bool OnTheDay { get; set; }
    [BindProperty] public int? OverdueEvery { get; set; }
    [BindProperty] public int? StaleAfterDays { get; set; }
    [BindProperty] public int? UnassignedAfterDays { get; set; }
    [BindProperty] public int? EscalateToHeadAfter { get; set; }
    [BindProperty] public int? EscalateToSecretariatAfter { get; set; }
    [BindProperty] public bool EscalateToLeadership { get; set; }
    public bool CanEdit => db.Viewer.Can(Permission.ManageProgramme);
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        var rules = UrgingApi.ToInput(await db.UrgingRules.AsNoTracking().SingleAsync(ct));
        DaysBefore = string.Join(", ", rules.DaysBefore ?? []);
        OnTheDay = rules.OnTheDay ?? true;
        OverdueEvery = rules.OverdueEvery;
        StaleAfterDays = rules.StaleAfterDays;
        UnassignedAfterDays = rules.UnassignedAfterDays;
        EscalateToHeadAfter = rules.EscalateToHeadAfter;
        EscalateToSecretariatAfter = rules.EscalateToSecretariatAfter;
        EscalateToLeadership = rules.EscalateToLeadership ?? false;
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var days = new List<int>();
        foreach (var part in (DaysBefore ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var day))
            {
                days.Add(day);
            }
            else
            {
                Errors.Add("daysBefore", $"\"{part}\" không phải là một số ngày.");
            }
        }

        if (!Errors.Any)
        {
            Errors = await UrgingApi.SaveRulesAsync(db, new UrgingRulesInput([.. days], OnTheDay, OverdueEvery, StaleAfterDays, UnassignedAfterDays,
                EscalateToHeadAfter, EscalateToSecretariatAfter, EscalateToLeadership), time, ct);
        }

        return Errors.Any ? Page() : RedirectToPage(new { saved = true });
    }
}
