namespace ScanArchive.SampleGenerator.Data;

internal sealed record EnglishCustomer(
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    string PassportNo,
    string Mobile,
    string Email,
    string Address,
    string CustomerNo);

internal static class EnglishCustomers
{
    private static readonly string[] MaleFirstNames = ["James", "Daniel", "Michael", "Thomas", "Oliver", "David", "Robert", "Samuel", "Peter", "Andrew"];
    private static readonly string[] FemaleFirstNames = ["Emily", "Sarah", "Laura", "Hannah", "Olivia", "Grace", "Rachel", "Helen", "Sophie", "Claire"];
    private static readonly string[] LastNames = ["Carter", "Mitchell", "Walker", "Turner", "Bennett", "Hughes", "Foster", "Morgan", "Parker", "Russell", "Cooper", "Hayes"];
    private static readonly string[] MailDomains = ["gmail.com", "outlook.com", "yahoo.com", "proton.me"];

    private static readonly (string Street, string District, string City)[] Locations =
    [
        ("Century Avenue", "Pudong New District", "Shanghai 200120"),
        ("Nanjing West Road", "Jing'an District", "Shanghai 200041"),
        ("Jianguo Road", "Chaoyang District", "Beijing 100022"),
        ("Keyuan Road", "Nanshan District", "Shenzhen 518057"),
        ("Tianhe Road", "Tianhe District", "Guangzhou 510620"),
        ("Wensan Road", "Xihu District", "Hangzhou 310012"),
    ];

    public static EnglishCustomer Create(Random random)
    {
        var gender = random.Next(2) == 0 ? Gender.Male : Gender.Female;
        var first = random.Pick(gender == Gender.Male ? MaleFirstNames : FemaleFirstNames);
        var last = random.Pick(LastNames);
        var location = random.Pick(Locations);
        var address = $"Room {random.Next(2, 30)}{random.Next(1, 12):D2}, {random.Next(1, 400)} {location.Street}, {location.District}, {location.City}";
        var email = random.Next(2) == 0
            ? $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@{random.Pick(MailDomains)}"
            : $"{first[0]}{last}{random.Next(10, 99)}@{random.Pick(MailDomains)}".ToLowerInvariant();
        return new EnglishCustomer(
            $"{first} {last}",
            gender,
            random.DateBetween(new DateOnly(1960, 1, 1), new DateOnly(2003, 12, 31)),
            $"E{random.Digits(8)}",
            PhoneNumbers.Mobile(random),
            email,
            address,
            DocumentNumbers.CustomerNo(random));
    }
}
