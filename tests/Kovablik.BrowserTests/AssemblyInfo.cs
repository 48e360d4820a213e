using Kovablik.BrowserTests.Infrastructure;

// One running Kovablik (Kestrel + SQLite) and one Chromium for the whole assembly.
[assembly: AssemblyFixture(typeof(BrowserAppFixture))]

// Sequential: the machines have 2 cores, and a browser, the app and the test runner already share them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
