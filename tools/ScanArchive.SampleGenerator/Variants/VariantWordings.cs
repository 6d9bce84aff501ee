using ScanArchive.SampleGenerator.Output;

namespace ScanArchive.SampleGenerator.Variants;

/// <summary>
/// Label wordings for the variant set (<c>--variants</c>): ways real forms name the same field, written
/// down before the field finder was tuned against them and never copied into its label data. The
/// committed sample set uses one wording per field; these pages pick one of several, so a finder that
/// only knows the committed wordings scores visibly lower here.
/// </summary>
internal static class VariantWordings
{
    public static readonly IReadOnlyDictionary<string, string[]> Chinese = new Dictionary<string, string[]>
    {
        [FieldKeys.CustomerName] = ["客户姓名", "姓　名", "名称", "客户全名", "本人姓名", "申请人姓名", "姓名（中文）"],
        [FieldKeys.CustomerNo] = ["客户号码", "客户编码", "会员编号", "客户账号", "客户代码"],
        [FieldKeys.IdNumber] = ["身份证件号码", "身份证号码", "证件号", "公民身份号码", "居民身份证号"],
        [FieldKeys.Phone] = ["手机号码", "联系手机", "移动电话", "手机", "联系方式"],
        [FieldKeys.Email] = ["邮箱地址", "电子信箱", "E-mail", "电邮", "电子邮件地址"],
        [FieldKeys.Address] = ["通讯地址", "居住地址", "家庭地址", "现居住地址", "住所地"],
        [FieldKeys.DateOfBirth] = ["出生年月日", "生日", "出生日期", "出生年月"],
        [FieldKeys.Gender] = ["性别", "性　别"],
        [FieldKeys.DocumentDate] = ["填表日期", "填写日期", "申请时间", "日期", "办理时间"],
        [FieldKeys.DocumentNo] = ["表单编号", "申请编号", "流水号", "编号", "单据编号"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> English = new Dictionary<string, string[]>
    {
        [FieldKeys.CustomerName] = ["Name", "Full name", "Applicant", "Name of applicant", "Customer's name", "Account holder", "Full legal name"],
        [FieldKeys.CustomerNo] = ["Client number", "Customer ref.", "Customer ID", "Member No.", "Client code", "Customer number"],
        [FieldKeys.IdNumber] = ["ID card number", "National ID No.", "Passport no.", "Identification No.", "ID/Passport No."],
        [FieldKeys.Phone] = ["Mobile phone", "Cell phone", "Tel.", "Contact number", "Phone number", "Mobile No."],
        [FieldKeys.Email] = ["E-mail address", "Email address", "e-mail", "Email"],
        [FieldKeys.Address] = ["Home address", "Postal address", "Residential address", "Mailing address", "Address"],
        [FieldKeys.DateOfBirth] = ["Birth date", "Date of birth", "D.O.B.", "Birthday", "Born on"],
        [FieldKeys.Gender] = ["Sex", "Gender"],
        [FieldKeys.DocumentDate] = ["Date", "Date signed", "Application date", "Dated", "Date of application"],
        [FieldKeys.DocumentNo] = ["Reference", "Ref. No.", "Application No.", "Form number", "Our ref."],
    };

    /// <summary>Titles with the document type they belong to.</summary>
    public static readonly (string Title, string DocType)[] ChineseTitles =
    [
        ("客户信息登记表", "customer_registration"),
        ("客户资料登记表", "customer_registration"),
        ("个人开户申请书", "account_application"),
        ("个人客户开户申请", "account_application"),
    ];

    public static readonly (string Title, string DocType)[] EnglishTitles =
    [
        ("CLIENT INFORMATION SHEET", "customer_registration"),
        ("NEW CUSTOMER REGISTRATION", "customer_registration"),
        ("ACCOUNT OPENING APPLICATION", "account_application"),
        ("APPLICATION FOR A PERSONAL ACCOUNT", "account_application"),
    ];

    public static readonly string[] ChineseSignatures = ["客户签名", "申请人签字", "本人签字"];

    public static readonly string[] EnglishSignatures = ["Signature", "Signed", "Applicant's signature"];
}
