using System.Buffers.Binary;
using System.Text;

namespace ScanArchive.SampleGenerator.Data;

/// <summary>
/// Derives an independent, stable seed for each page and purpose from the master seed.
/// string.GetHashCode is randomized per process, so a fixed FNV-1a hash is used instead.
/// </summary>
internal static class SeedDerivation
{
    public static int Derive(int masterSeed, string purpose)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        var seedBytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(seedBytes, masterSeed);
        foreach (var b in seedBytes.Concat(Encoding.UTF8.GetBytes(purpose)))
        {
            hash = (hash ^ b) * prime;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    public static Random CreateRandom(int masterSeed, string purpose) => new(Derive(masterSeed, purpose));
}
