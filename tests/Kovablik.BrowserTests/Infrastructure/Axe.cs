using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Kovablik.BrowserTests.Infrastructure;

public static class Axe
{
    /// <summary>Runs axe-core on the page as it is now and fails on any "serious" or "critical" violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (serious.Count == 0) return;

        var message = new StringBuilder($"axe found {serious.Count} serious or critical violation(s) on {page.Url}:");
        foreach (var v in serious)
        {
            message.AppendLine().Append("- ").Append(v.Id).Append(" (").Append(v.Impact).Append("): ").Append(v.Help).Append(' ').Append(v.HelpUrl);
            foreach (var node in v.Nodes)
                message.AppendLine().Append("    at ").Append(node.Target).Append("  ").Append(node.Html);
        }
        Assert.Fail(message.ToString());
    }
}
