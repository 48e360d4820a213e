// The ceiling for load tests: plain Kestrel answering "hello" on the same machine, in the same run.
var app = WebApplication.Create(args);
app.MapGet("/", () => "hello");
app.Run();
