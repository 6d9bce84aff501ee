namespace ScanArchive.Core.Accounts;

/// <summary>The permissions of each role: the one table every host (web, API, CLI) authorizes with.</summary>
public static class Permissions
{
    private static readonly IReadOnlyDictionary<Role, IReadOnlySet<Permission>> Table = new Dictionary<Role, IReadOnlySet<Permission>>
    {
        [Role.Clerk] = new HashSet<Permission> { Permission.Capture, Permission.ReadArchive },
        [Role.Reviewer] = new HashSet<Permission> { Permission.Capture, Permission.ViewAllBatches, Permission.Review, Permission.Commit, Permission.ReadArchive },
        [Role.Admin] = Enum.GetValues<Permission>().ToHashSet(),
        [Role.Auditor] = new HashSet<Permission> { Permission.ViewAllBatches, Permission.ReadArchive, Permission.ReadAudit },
    };

    /// <summary>True when <paramref name="role"/> carries <paramref name="permission"/>.</summary>
    public static bool Allows(Role role, Permission permission) => Table.TryGetValue(role, out var set) && set.Contains(permission);

    /// <summary>The roles that carry <paramref name="permission"/> (for policy definitions).</summary>
    public static IReadOnlyList<Role> RolesWith(Permission permission) => Table.Where(kv => kv.Value.Contains(permission)).Select(kv => kv.Key).ToList();

    /// <summary>Parses a role name as typed by a person (<c>clerk</c>, <c>reviewer</c>, <c>admin</c>, <c>auditor</c>), case-insensitive.</summary>
    public static bool TryParseRole(string? text, out Role role) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);
}
