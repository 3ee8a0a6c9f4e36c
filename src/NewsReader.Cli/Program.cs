using NewsReader.Cli;

await using var stdout = Console.OpenStandardOutput();
return await CliApp.RunAsync(args, stdout, Console.Error).ConfigureAwait(false);
