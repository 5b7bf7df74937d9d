using IdentityCrisis.Cli;

if (ProcessBootstrap.TryReexecWithNativeSettings(args, out int childExit))
    return childExit;
return CliApp.Run(args);
