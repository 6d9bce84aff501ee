namespace ScanArchive.Ocr.Paddle;

/// <summary>One decoded character: where its time steps lie (in the recognizer's steps) and how sure the model is.</summary>
/// <param name="Text">The character.</param>
/// <param name="First">First time step of its run.</param>
/// <param name="Last">Last time step of its run.</param>
/// <param name="Probability">The highest probability of the character over its run, 0–1.</param>
internal readonly record struct CtcCharacter(string Text, int First, int Last, float Probability);

/// <summary>
/// Greedy CTC decoding of the recognizer's output (per time step, a distribution over blank, the characters of
/// <c>ppocr_keys_v1.txt</c> and a space): the best class at each step, repeats merged, blanks dropped.
/// </summary>
internal sealed class CtcDecoder
{
    private readonly string[] _characters;

    /// <summary>Reads the character list; the model's class i (i ≥ 1) is line i − 1, the class after the last line a space.</summary>
    public CtcDecoder(string keysPath)
    {
        var keys = File.ReadAllLines(keysPath);
        _characters = [.. keys, " "];
    }

    /// <summary>Number of classes the list accounts for, blank included.</summary>
    public int Classes => _characters.Length + 1;

    /// <summary>Decodes one line: <paramref name="probabilities"/> holds <paramref name="steps"/> × <paramref name="classes"/> values.</summary>
    public List<CtcCharacter> Decode(ReadOnlySpan<float> probabilities, int steps, int classes, int usedSteps)
    {
        var result = new List<CtcCharacter>();
        var previous = 0;
        for (var t = 0; t < Math.Min(steps, usedSteps); t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = 0;
            var bestP = row[0];
            for (var c = 1; c < classes; c++)
            {
                if (row[c] > bestP)
                {
                    bestP = row[c];
                    best = c;
                }
            }

            if (best != 0 && best == previous && result.Count > 0)
            {
                var last = result[^1];
                result[^1] = last with { Last = t, Probability = Math.Max(last.Probability, bestP) };
            }
            else if (best != 0 && best - 1 < _characters.Length)
            {
                result.Add(new CtcCharacter(_characters[best - 1], t, t, bestP));
            }

            previous = best;
        }

        return result;
    }
}
