using BenchmarkDotNet.Attributes;
using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Platform.Files;

namespace Kovablik.Bench;

/// <summary>Hot paths of the registry that run on every request: scope checks, Markdown rendering, upload sniffing.</summary>
[MemoryDiagnoser]
public class RegistryBenchmarks
{
    private readonly OrganisationScope _scope = OrganisationScope.Subtree(7, "/1/7/");
    private readonly string[] _paths = Enumerable.Range(0, 1000).Select(i => i % 3 == 0 ? $"/1/7/{i}/" : $"/1/{i}/").ToArray();
    private readonly string _markdown = string.Join("\n\n", Enumerable.Repeat("Inovasi **Si Intan** mempercepat *pelayanan* perizinan di [Mal Pelayanan Publik](https://example.go.id).\n\n- satu\n- dua", 20));
    private readonly byte[] _pdf = "%PDF-1.7\n%âãÏÓ\n"u8.ToArray();

    [Benchmark]
    public int ScopeCovers1000()
    {
        var n = 0;
        foreach (var p in _paths) if (_scope.Covers(p)) n++;
        return n;
    }

    [Benchmark]
    public string RenderSectionMarkdown() => MarkdownRenderer.ToSafeHtml(_markdown);

    [Benchmark]
    public DetectedType? InspectPdfHeader() => FileInspector.Inspect("bukti.pdf", _pdf).Type;
}
