using Microsoft.Extensions.Localization;

// The assembly is named scanarchive-web; its resources are named after the root namespace.
[assembly: RootNamespace("ScanArchive.Web")]
