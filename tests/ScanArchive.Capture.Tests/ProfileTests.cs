using System.Globalization;
using ScanArchive.Capture.Profiles;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Quality;
using ScanArchive.TestSupport;

namespace ScanArchive.Capture.Tests;

public sealed class ProfileTests : IDisposable
{
    private readonly TempDirectory temp = new("scanarchive-profiles-test");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Default_profile_follows_the_archival_rule()
    {
        var profile = ScanProfile.Default;

        Assert.True(profile.Dpi >= ArchivalRule.MinimumDpi);
        Assert.Equal(ColorMode.Color, profile.Mode);
        Assert.Empty(ArchivalRule.Check(profile));
        Assert.Empty(profile.Validate());
    }

    [Fact]
    public void Archival_rule_warns_about_low_resolution_and_grey_in_both_languages()
    {
        var grey = ScanProfile.Default with { Name = "fast", Dpi = 200, Mode = ColorMode.Gray };

        Assert.Equal(2, ArchivalRule.Check(grey, CultureInfo.GetCultureInfo("en")).Count);
        Assert.Contains(ArchivalRule.Check(grey, CultureInfo.GetCultureInfo("zh-CN")), w => w.Contains("公章", StringComparison.Ordinal));
    }

    [Fact]
    public void Profile_becomes_scan_settings_with_duplex_folded_into_the_source()
    {
        var profile = ScanProfile.Default with { Name = "folders", Device = "test:0", Duplex = true, Dpi = 400, Options = [new("brightness", "10")] };

        var settings = profile.ToScanSettings();

        Assert.Equal("test:0", settings.Device);
        Assert.Equal(ScanSource.Duplex, settings.Source);
        Assert.Equal(400, settings.Dpi);
        Assert.Equal(ScanAreaMm.A4, settings.Area);
        Assert.Equal("brightness", settings.Options.Single().Name);
        Assert.Equal("pnm:0", profile.ToScanSettings("pnm:0").Device);
        Assert.Equal(ScanFault.InvalidOption, Assert.Throws<ScanException>(() => ScanProfile.Default.ToScanSettings()).Fault);
    }

    [Fact]
    public void Invalid_profiles_are_refused()
    {
        Assert.NotEmpty((ScanProfile.Default with { Name = "a/b" }).Validate());
        Assert.NotEmpty((ScanProfile.Default with { Name = "x", Dpi = 10 }).Validate());
        Assert.NotEmpty((ScanProfile.Default with { Name = "x", Source = ScanSource.Flatbed, Duplex = true }).Validate());
        Assert.Throws<ArgumentException>(() => new ScanProfileStore(temp.Path).Save(ScanProfile.Default with { Name = "" }));
    }

    [Theory]
    [InlineData("separate", BlankPageHandling.Separate)]
    [InlineData("flag", BlankPageHandling.Flag)]
    [InlineData("keep", BlankPageHandling.Flag)]
    [InlineData("remove", BlankPageHandling.Flag)]
    public void Blank_page_settings_of_earlier_versions_read_as_flagged(string written, BlankPageHandling expected)
    {
        // "keep" and "remove" were never acted on: every blank page was kept and flagged. Pages are never dropped.
        File.WriteAllText(Path.Combine(temp.Path, ScanProfileStore.FileName), "{ \"profiles\": [{ \"name\": \"old\", \"blankPages\": \"" + written + "\" }] }");

        Assert.Equal(expected, new ScanProfileStore(temp.Path).Find("old")!.BlankPages);
    }

    [Fact]
    public void Quality_settings_are_saved_with_a_profile_and_only_what_differs_need_be_written()
    {
        var receipts = ScanProfile.Default with
        {
            Name = "receipts",
            Quality = QualityProfile.Default with { Thresholds = QualityProfile.Default.Thresholds with { MinDpi = 150, FailDpi = 100 }, MinDeskewDegrees = 1 },
        };
        new ScanProfileStore(temp.Path).Save(receipts);

        var reopened = new ScanProfileStore(temp.Path).Find("receipts")!;
        Assert.Equal(receipts.Quality, reopened.Quality);

        // A hand-written file with one threshold: everything else keeps its default.
        File.WriteAllText(Path.Combine(temp.Path, ScanProfileStore.FileName), "{ \"profiles\": [{ \"name\": \"forms\", \"mode\": \"lineart\", \"quality\": { \"thresholds\": { \"minContrast\": 60 } } }] }");
        var forms = new ScanProfileStore(temp.Path).Find("forms")!;
        var quality = forms.EffectiveQuality();
        Assert.Equal(60, quality.Thresholds.MinContrast);
        Assert.Equal(QualityProfile.Default.Thresholds with { MinContrast = 60 }, quality.Thresholds);
        Assert.True(quality.Lineart);
        Assert.Equal("forms", quality.Name);
        Assert.Equal(QualityProfile.Default with { Name = "default" }, ScanProfile.Default.EffectiveQuality() with { Name = "default" });
    }

    [Fact]
    public void Quality_settings_that_contradict_themselves_make_the_profile_invalid()
    {
        var blurry = ScanProfile.Default with { Name = "x", Quality = QualityProfile.Default with { Thresholds = QualityProfile.Default.Thresholds with { MinSharpness = 1.5 } } };
        var inverted = ScanProfile.Default with { Name = "y", Quality = QualityProfile.Default with { Thresholds = QualityProfile.Default.Thresholds with { MinDpi = 100 } } };

        Assert.Contains(blurry.Validate(CultureInfo.GetCultureInfo("en")), p => p.Contains("Sharpness", StringComparison.Ordinal));
        Assert.Contains(inverted.Validate(CultureInfo.GetCultureInfo("zh-CN")), p => p.Contains("分辨率", StringComparison.Ordinal));
        Assert.Empty(ScanProfile.Default.Validate());
    }

    [Fact]
    public void Store_saves_lists_replaces_and_removes_across_instances()
    {
        var store = new ScanProfileStore(temp.Path);
        Assert.Equal([ScanProfile.DefaultName], store.List().Select(p => p.Name));

        store.Save(ScanProfile.Default with { Name = "Contracts", Device = "fujitsu:fi-7160", Duplex = true, BlankPages = BlankPageHandling.Separate, Options = [new("page-auto", "yes")] });
        store.Save(ScanProfile.Default with { Name = "forms", Mode = ColorMode.Gray });
        Assert.Throws<InvalidOperationException>(() => store.Save(ScanProfile.Default with { Name = "FORMS" }));
        store.Save(ScanProfile.Default with { Name = "forms", Mode = ColorMode.Lineart }, replace: true);

        var reopened = new ScanProfileStore(temp.Path);
        Assert.Equal(["default", "Contracts", "forms"], reopened.List().Select(p => p.Name));
        var contracts = reopened.Find("contracts")!;
        Assert.Equal(("fujitsu:fi-7160", true, BlankPageHandling.Separate), (contracts.Device, contracts.Duplex, contracts.BlankPages));
        Assert.Equal(new DeviceOptionSetting("page-auto", "yes"), contracts.Options.Single());
        Assert.Equal(ColorMode.Lineart, reopened.Find("forms")!.Mode);

        Assert.True(reopened.Remove("forms"));
        Assert.False(reopened.Remove("forms"));
        Assert.Null(new ScanProfileStore(temp.Path).Find("forms"));
    }

    [Fact]
    public void A_saved_default_overrides_the_built_in_one_until_removed()
    {
        var store = new ScanProfileStore(temp.Path);
        store.Save(ScanProfile.Default with { Device = "test:0", Dpi = 600 });

        Assert.Equal(600, store.Find("default")!.Dpi);
        Assert.Single(store.List(), p => p.Name == "default");

        store.Remove("default");
        Assert.Equal(ScanProfile.Default, store.Find("default"));
    }

    [Fact]
    public void A_damaged_profiles_file_is_reported_not_silently_replaced()
    {
        File.WriteAllText(Path.Combine(temp.Path, ScanProfileStore.FileName), "{ not json");

        Assert.Throws<InvalidDataException>(() => new ScanProfileStore(temp.Path).List());
    }
}
