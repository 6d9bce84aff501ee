namespace ScanArchive.Core.Extraction;

/// <summary>
/// Document type names. They are strings rather than an enum because the classifier's data file names
/// them, and a deployment may add its own types there.
/// </summary>
public static class DocumentTypes
{
    /// <summary>Account opening application (开户申请表).</summary>
    public const string AccountApplication = "account_application";

    /// <summary>Customer registration form (客户登记表).</summary>
    public const string CustomerRegistration = "customer_registration";

    /// <summary>Copy of an identity card (身份证复印件).</summary>
    public const string IdCard = "id_card";

    /// <summary>Contract or agreement.</summary>
    public const string Contract = "contract";

    /// <summary>Invoice or receipt.</summary>
    public const string Invoice = "invoice";

    /// <summary>Service record (服务记录单).</summary>
    public const string ServiceRecord = "service_record";

    /// <summary>Anything else, including blank pages.</summary>
    public const string Other = "other";

    /// <summary>The built-in types.</summary>
    public static IReadOnlyList<string> All { get; } =
        [AccountApplication, CustomerRegistration, IdCard, Contract, Invoice, ServiceRecord, Other];
}
