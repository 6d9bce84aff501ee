using ScanArchive.Core.Analysis;
using ScanArchive.Core.Extraction;

namespace ScanArchive.Extraction.Tests;

public class CustomerMatcherTests
{
    private static readonly CustomerRecord Ma = new("c1", new CustomerIdentity("11010819600913403X", "KH20269346", "马鹏志", "13064239013"));
    private static readonly CustomerRecord He = new("c2", new CustomerIdentity("110105196702255762", "KH20267139", "何艳", "13692371089"));
    private static readonly CustomerRecord Cooper = new("c3", new CustomerIdentity(null, "KH20263902", "Oliver Cooper", "17896609191"));
    private static readonly CustomerRecord[] File = [Ma, He, Cooper];

    [Fact]
    public void The_id_number_matches_first()
    {
        var match = CustomerMatcher.Match(new CustomerIdentity("11010819600913403x", null, "马鹏志", null), File);
        Assert.Equal(CustomerMatchKind.Existing, match.Kind);
        Assert.Equal(CustomerMatchRule.IdNumber, match.MatchedBy);
        Assert.Same(Ma, match.Customer);
    }

    [Fact]
    public void Without_an_id_number_the_customer_number_matches()
    {
        var match = CustomerMatcher.Match(new CustomerIdentity(null, "kh 20267139", "何艳", null), File);
        Assert.Equal(CustomerMatchKind.Existing, match.Kind);
        Assert.Equal(CustomerMatchRule.CustomerNo, match.MatchedBy);
        Assert.Same(He, match.Customer);
    }

    [Fact]
    public void Without_either_number_name_and_phone_together_match()
    {
        var match = CustomerMatcher.Match(new CustomerIdentity(null, null, "oliver  cooper", "+86 178 9660 9191"), File);
        Assert.Equal(CustomerMatchKind.Existing, match.Kind);
        Assert.Equal(CustomerMatchRule.NameAndPhone, match.MatchedBy);
        Assert.Same(Cooper, match.Customer);
    }

    [Theory]
    [InlineData(null, null, "马鹏志", null)] // a name alone is not enough
    [InlineData(null, null, "马鹏志", "13800000000")] // same name, another phone
    [InlineData("330106200001178828", "KH20260001", "刘芳芳", "15859867404")]
    [InlineData(null, null, null, null)]
    public void Anything_else_is_a_new_customer(string? id, string? number, string? name, string? phone)
    {
        var match = CustomerMatcher.Match(new CustomerIdentity(id, number, name, phone), File);
        Assert.Equal(CustomerMatchKind.New, match.Kind);
        Assert.Null(match.Customer);
        Assert.Equal(CustomerMatchRule.None, match.MatchedBy);
    }

    [Fact]
    public void Same_id_number_with_another_name_is_a_conflict_never_a_merge()
    {
        var match = CustomerMatcher.Match(new CustomerIdentity("11010819600913403X", null, "马志鹏", null), File);
        Assert.Equal(CustomerMatchKind.Conflict, match.Kind);
        Assert.Same(Ma, match.Customer);
        var conflict = Assert.Single(match.Conflicts);
        Assert.Equal(("c1", FieldKeys.CustomerName, "马鹏志", "马志鹏"), (conflict.CustomerId, conflict.Key, conflict.OnRecord, conflict.OnDocument));
    }

    [Fact]
    public void Same_customer_number_with_another_id_number_is_a_conflict()
    {
        var match = CustomerMatcher.Match(new CustomerIdentity("330106200001178828", "KH20267139", "何艳", null), File);
        Assert.Equal(CustomerMatchKind.Conflict, match.Kind);
        Assert.Equal(CustomerMatchRule.CustomerNo, match.MatchedBy);
        Assert.Equal(FieldKeys.IdNumber, Assert.Single(match.Conflicts).Key);
    }

    [Fact]
    public void Two_records_with_the_same_id_number_are_a_conflict()
    {
        var twin = new CustomerRecord("c9", new CustomerIdentity("11010819600913403X", null, "马鹏志", null));
        var match = CustomerMatcher.Match(new CustomerIdentity("11010819600913403X", null, "马鹏志", null), [Ma, twin]);
        Assert.Equal(CustomerMatchKind.Conflict, match.Kind);
        Assert.Contains(match.Conflicts, c => c.CustomerId == "c9" && c.Key == FieldKeys.IdNumber);
    }

    [Fact]
    public void A_different_phone_alone_does_not_block_an_id_match()
    {
        var match = CustomerMatcher.Match(new CustomerIdentity("110105196702255762", null, "何艳", "13900000000"), File);
        Assert.Equal(CustomerMatchKind.Existing, match.Kind);
    }

    [Fact]
    public void The_identity_comes_from_extracted_fields()
    {
        var page = new SyntheticPage()
            .Row(850, (250, "客户姓名"), (610, "马鹏志"), (1260, "客户编号"), (1610, "KH20269346"))
            .Row(1000, (250, "证件号码"), (610, "11010819600913403X"))
            .Build();
        var identity = CustomerIdentity.FromFields(new FieldExtractor().Extract([page]).Fields);
        Assert.Equal(new CustomerIdentity("11010819600913403X", "KH20269346", "马鹏志", null), identity);
        Assert.Same(Ma, CustomerMatcher.Match(identity, File).Customer);
    }
}
