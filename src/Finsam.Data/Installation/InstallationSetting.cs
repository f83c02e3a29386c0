using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Finsam.Data.Installation;

/// <summary>
/// A fact about the installation that must travel with the database (not with the configuration), e.g. the
/// fingerprint of the personnummer key the database's hashes were made with (<see cref="PersonKeyFingerprint"/>).
/// </summary>
public class InstallationSetting
{
    /// <summary>The name under which the personnummer key's fingerprint is kept.</summary>
    public const string PersonKeyFingerprint = "PersonKeyFingerprint";

    public required string Name { get; set; }

    public required string Value { get; set; }
}

public sealed class InstallationSettingConfiguration : IEntityTypeConfiguration<InstallationSetting>
{
    public void Configure(EntityTypeBuilder<InstallationSetting> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(400);
    }
}
