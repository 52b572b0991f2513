using Crm.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddCrm();

var app = builder.Build();
app.UseCrm();
app.Run();

/// <summary>The entry point, visible to the end-to-end tests' host factory.</summary>
public partial class Program;
