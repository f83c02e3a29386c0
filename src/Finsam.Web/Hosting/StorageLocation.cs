namespace Finsam.Web.Hosting;

/// <summary>The resolved absolute data folder (from Finsam:DataDirectory).</summary>
public sealed record StorageLocation(string DataDirectory);
