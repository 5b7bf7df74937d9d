using IdentityCrisis.Cli;

if (AllocatorBootstrap.TryReexecWithTcmalloc(args, out int childExit))
    return childExit;
return CliApp.Run(args);
