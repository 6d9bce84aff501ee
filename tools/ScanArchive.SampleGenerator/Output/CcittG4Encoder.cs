namespace ScanArchive.SampleGenerator.Output;

/// <summary>
/// ITU-T T.6 (CCITT Group 4) two-dimensional encoder for bilevel images, as used in fax-style
/// TIFFs (Compression = 4). Pixels are true for black.
/// </summary>
internal static class CcittG4Encoder
{
    // ITU-T T.4 tables 2 and 3, written as the bit strings printed in the recommendation.
    private static readonly string[] WhiteTerminating =
    [
        "00110101", "000111", "0111", "1000", "1011", "1100", "1110", "1111",
        "10011", "10100", "00111", "01000", "001000", "000011", "110100", "110101",
        "101010", "101011", "0100111", "0001100", "0001000", "0010111", "0000011", "0000100",
        "0101000", "0101011", "0010011", "0100100", "0011000", "00000010", "00000011", "00011010",
        "00011011", "00010010", "00010011", "00010100", "00010101", "00010110", "00010111", "00101000",
        "00101001", "00101010", "00101011", "00101100", "00101101", "00000100", "00000101", "00001010",
        "00001011", "01010010", "01010011", "01010100", "01010101", "00100100", "00100101", "01011000",
        "01011001", "01011010", "01011011", "01001010", "01001011", "00110010", "00110011", "00110100",
    ];

    private static readonly string[] BlackTerminating =
    [
        "0000110111", "010", "11", "10", "011", "0011", "0010", "00011",
        "000101", "000100", "0000100", "0000101", "0000111", "00000100", "00000111", "000011000",
        "0000010111", "0000011000", "0000001000", "00001100111", "00001101000", "00001101100", "00000110111", "00000101000",
        "00000010111", "00000011000", "000011001010", "000011001011", "000011001100", "000011001101", "000001101000", "000001101001",
        "000001101010", "000001101011", "000011010010", "000011010011", "000011010100", "000011010101", "000011010110", "000011010111",
        "000001101100", "000001101101", "000011011010", "000011011011", "000001010100", "000001010101", "000001010110", "000001010111",
        "000001100100", "000001100101", "000001010010", "000001010011", "000000100100", "000000110111", "000000111000", "000000100111",
        "000000101000", "000001011000", "000001011001", "000000101011", "000000101100", "000001011010", "000001100110", "000001100111",
    ];

    /// <summary>Make-up codes for 64, 128, ... 1728.</summary>
    private static readonly string[] WhiteMakeUp =
    [
        "11011", "10010", "010111", "0110111", "00110110", "00110111", "01100100", "01100101",
        "01101000", "01100111", "011001100", "011001101", "011010010", "011010011", "011010100", "011010101",
        "011010110", "011010111", "011011000", "011011001", "011011010", "011011011", "010011000", "010011001",
        "010011010", "011000", "010011011",
    ];

    private static readonly string[] BlackMakeUp =
    [
        "0000001111", "000011001000", "000011001001", "000001011011", "000000110011", "000000110100", "000000110101", "0000001101100",
        "0000001101101", "0000001001010", "0000001001011", "0000001001100", "0000001001101", "0000001110010", "0000001110011", "0000001110100",
        "0000001110101", "0000001110110", "0000001110111", "0000001010010", "0000001010011", "0000001010100", "0000001010101", "0000001011010",
        "0000001011011", "0000001100100", "0000001100101",
    ];

    /// <summary>Make-up codes for 1792 ... 2560, shared by both colours.</summary>
    private static readonly string[] ExtendedMakeUp =
    [
        "00000001000", "00000001100", "00000001101", "000000010010", "000000010011", "000000010100", "000000010101",
        "000000010110", "000000010111", "000000011100", "000000011101", "000000011110", "000000011111",
    ];

    private const string PassCode = "0001";
    private const string HorizontalCode = "001";

    /// <summary>Vertical mode codes indexed by a1 - b1 + 3 (VL3 ... V0 ... VR3).</summary>
    private static readonly string[] VerticalCodes = ["0000010", "000010", "010", "1", "011", "000011", "0000011"];

    private const string EndOfFacsimileBlock = "000000000001000000000001";

    public static byte[] Encode(bool[] black, int width, int height)
    {
        var writer = new BitWriter();
        // The line above the first is an imaginary all-white line: no changing elements.
        var reference = new List<int>();
        for (var y = 0; y < height; y++)
        {
            var coding = ChangingElements(black, y * width, width);
            EncodeLine(writer, coding, reference, width);
            reference = coding;
        }

        writer.Write(EndOfFacsimileBlock);
        return writer.ToArray();
    }

    /// <summary>Positions where the colour differs from the pixel to the left (the imaginary pixel -1 is white).</summary>
    private static List<int> ChangingElements(bool[] black, int offset, int width)
    {
        var changes = new List<int>();
        var previous = false;
        for (var x = 0; x < width; x++)
        {
            if (black[offset + x] != previous)
            {
                changes.Add(x);
                previous = !previous;
            }
        }

        return changes;
    }

    private static void EncodeLine(BitWriter writer, List<int> coding, List<int> reference, int width)
    {
        var a0 = -1;
        var a0IsBlack = false;
        while (a0 < width)
        {
            // Changing element k turns the line black when k is even, white when odd.
            var a1 = NextChange(coding, a0, width, out var a1Index);
            var a2 = a1Index + 1 < coding.Count ? coding[a1Index + 1] : width;
            var b1 = NextChangeToColour(reference, a0, !a0IsBlack, width, out var b1Index);
            var b2 = b1Index + 1 < reference.Count ? reference[b1Index + 1] : width;

            if (b2 < a1)
            {
                writer.Write(PassCode);
                a0 = b2;
            }
            else if (Math.Abs(a1 - b1) <= 3)
            {
                writer.Write(VerticalCodes[a1 - b1 + 3]);
                a0 = a1;
                a0IsBlack = !a0IsBlack;
            }
            else
            {
                writer.Write(HorizontalCode);
                WriteRun(writer, a1 - Math.Max(a0, 0), a0IsBlack);
                WriteRun(writer, a2 - a1, !a0IsBlack);
                a0 = a2;
            }
        }
    }

    private static int NextChange(List<int> changes, int after, int width, out int index)
    {
        index = FirstIndexAfter(changes, after);
        return index < changes.Count ? changes[index] : width;
    }

    private static int NextChangeToColour(List<int> changes, int after, bool toBlack, int width, out int index)
    {
        index = FirstIndexAfter(changes, after);
        if (index < changes.Count && (index % 2 == 0) != toBlack)
        {
            index++;
        }

        return index < changes.Count ? changes[index] : width;
    }

    /// <summary>Index of the first changing element strictly right of <paramref name="after"/>.</summary>
    private static int FirstIndexAfter(List<int> changes, int after)
    {
        int lo = 0, hi = changes.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (changes[mid] > after)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static void WriteRun(BitWriter writer, int length, bool black)
    {
        while (length >= 2560 + 64)
        {
            writer.Write(ExtendedMakeUp[^1]);
            length -= 2560;
        }

        if (length >= 64)
        {
            var makeUp = length / 64 * 64;
            writer.Write(makeUp >= 1792
                ? ExtendedMakeUp[(makeUp - 1792) / 64]
                : (black ? BlackMakeUp : WhiteMakeUp)[makeUp / 64 - 1]);
            length -= makeUp;
        }

        writer.Write((black ? BlackTerminating : WhiteTerminating)[length]);
    }

    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _current;
        private int _bitCount;

        /// <summary>Appends bits most significant first (TIFF FillOrder 1).</summary>
        public void Write(string bits)
        {
            foreach (var bit in bits)
            {
                _current = (_current << 1) | (bit == '1' ? 1 : 0);
                if (++_bitCount == 8)
                {
                    _bytes.Add((byte)_current);
                    _current = 0;
                    _bitCount = 0;
                }
            }
        }

        public byte[] ToArray()
        {
            var result = new List<byte>(_bytes);
            if (_bitCount > 0)
            {
                result.Add((byte)(_current << (8 - _bitCount)));
            }

            return [.. result];
        }
    }
}
