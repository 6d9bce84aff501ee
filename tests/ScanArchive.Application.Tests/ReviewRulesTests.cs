using ScanArchive.Application.Review;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Application.Tests;

/// <summary>Field states as the review screen colours them, and the required fields of the data file.</summary>
public sealed class ReviewRulesTests
{
    private static readonly ReviewRules Rules = new();

    [Theory]
    [InlineData("id_number", "11010819600913403X", 0.95, FieldValidation.Valid, null, FieldReviewState.Valid)]
    [InlineData("id_number", "110108196009134031", 0.95, FieldValidation.Unchecked, null, FieldReviewState.Invalid)]
    [InlineData("id_number", "110108196009134031", 0.95, FieldValidation.Unchecked, "rita", FieldReviewState.Confirmed)]
    [InlineData("phone", "13812345678", 0.5, FieldValidation.Valid, null, FieldReviewState.Attention)]
    [InlineData("phone", "13812345678", 0.95, FieldValidation.Corrected, null, FieldReviewState.Attention)]
    [InlineData("date_of_birth", "1960-09-13", 0.95, FieldValidation.Conflict, null, FieldReviewState.Invalid)]
    [InlineData("customer_name", "", 0.95, FieldValidation.Unchecked, null, FieldReviewState.Missing)]
    [InlineData("address", "北京市海淀区青年路177号", 0.9, FieldValidation.Unchecked, null, FieldReviewState.Valid)]
    public void States(string key, string value, double confidence, FieldValidation validation, string? confirmedBy, FieldReviewState expected)
    {
        var field = new ExtractedField(key, value, value, confidence, 1, new PixelBox(0, 0, 1, 1)) { Validation = validation, ConfirmedBy = confirmedBy };
        Assert.Equal(expected, Rules.StateOf(field));
    }

    [Fact]
    public void Required_fields_come_from_the_data_file_per_document_type()
    {
        Assert.Equal(["customer_name", "id_number", "phone"], Rules.RequiredFor("account_application"));
        Assert.Equal(["customer_name", "id_number"], Rules.RequiredFor("id_card"));
        Assert.Empty(Rules.RequiredFor("other"));
        Assert.Empty(Rules.RequiredFor("a type nobody defined"));
        Assert.Equal(["amount", "x"], new ReviewRules(new Dictionary<string, IReadOnlyList<string>> { ["*"] = ["amount"], ["t"] = ["x", "amount"] }).RequiredFor("t"));
    }

    [Fact]
    public void Checking_a_typed_value_normalizes_it_or_says_why_not()
    {
        var phone = Rules.Check("phone", "+86 138-1234-5678");
        Assert.Equal((FieldReviewState.Valid, "13812345678"), (phone.Validation, phone.Normalized));
        Assert.Null(phone.Message);
        var id = Rules.Check("id_number", "110108196009134031");
        Assert.Equal(FieldReviewState.Invalid, id.Validation);
        Assert.False(string.IsNullOrWhiteSpace(id.Message));
        Assert.Equal(FieldReviewState.Missing, Rules.Check("phone", "  ").Validation);
    }
}
