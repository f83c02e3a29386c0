namespace Finsam.Domain;

/// <summary>
/// An entity edited by several people at once. <see cref="Version"/> is a concurrency token that the
/// data layer renews on every save, so a stale edit is refused instead of silently overwriting.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
