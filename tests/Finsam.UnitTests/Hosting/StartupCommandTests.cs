using Finsam.Web.Hosting;

namespace Finsam.UnitTests.Hosting;

public sealed class StartupCommandTests
{
    [Fact]
    public void Seed_demo_is_taken_out_and_configuration_arguments_stay()
    {
        var (command, rest) = StartupCommand.Parse(["--seed-demo", "--urls", "http://127.0.0.1:5080"]);
        Assert.True(command.SeedDemo);
        Assert.False(command.ExitsAfterRunning);
        Assert.Equal(["--urls", "http://127.0.0.1:5080"], rest);
    }

    [Fact]
    public void Create_admin_takes_the_email_and_ends_the_process()
    {
        var (command, rest) = StartupCommand.Parse(["--create-admin", "chef@forbund.se"]);
        Assert.Equal("chef@forbund.se", command.CreateAdminEmail);
        Assert.True(command.ExitsAfterRunning);
        Assert.Empty(rest);
    }

    [Theory]
    [InlineData]
    [InlineData("--migrate")]
    public void Create_admin_without_email_is_an_error_in_swedish(params string[] after)
    {
        var error = Assert.Throws<ArgumentException>(() => StartupCommand.Parse(["--create-admin", .. after]));
        Assert.Contains("behöver en e-postadress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_switches_means_just_serve()
    {
        var (command, rest) = StartupCommand.Parse([]);
        Assert.Equal(new StartupCommand(false, null, false), command);
        Assert.Empty(rest);
    }

    [Fact]
    public void Backup_and_restore_take_a_path_and_end_the_process()
    {
        var (backup, rest) = StartupCommand.Parse(["--backup", "/var/backups/finsam.db", "--Finsam:DataDirectory=/srv/finsam"]);
        Assert.Equal("/var/backups/finsam.db", backup.BackupPath);
        Assert.True(backup.ExitsAfterRunning);
        Assert.Equal(["--Finsam:DataDirectory=/srv/finsam"], rest);

        var (restore, _) = StartupCommand.Parse(["--restore", "kopia.db"]);
        Assert.Equal("kopia.db", restore.RestorePath);
        Assert.True(restore.ExitsAfterRunning);
    }

    [Theory]
    [InlineData("--backup")]
    [InlineData("--restore")]
    public void Backup_or_restore_without_a_path_is_an_error_in_swedish(string option)
    {
        var error = Assert.Throws<ArgumentException>(() => StartupCommand.Parse([option, "--migrate"]));
        Assert.Contains("behöver en sökväg", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => StartupCommand.Parse(["--backup", "a.db", "--restore", "b.db"]));
    }
}
