using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr.Paddle;

/// <summary>One line as read: where it lies, its characters with their place along the line, and how it was sampled.</summary>
internal sealed record PaddleLine(RotatedBox Box, bool Vertical, IReadOnlyList<PaddleCharacter> Characters);

/// <summary>One character of a line: its place along the line (px of the box, from its start) and probability (0–1).</summary>
internal readonly record struct PaddleCharacter(string Text, double From, double To, float Probability);

/// <summary>
/// One worker's PP-OCR sessions (detection, direction, recognition) and the pre- and post-processing around them.
/// Not thread-safe: the pool gives each worker its own.
/// </summary>
internal sealed class PaddleEngine : IDisposable
{
    /// <summary>Lines per recognizer run (PaddleOCR's rec_batch_num); sorted by length so a batch pads little.</summary>
    private const int RecognitionBatch = 8;

    /// <summary>Lines per classifier run (PaddleOCR's cls_batch_num).</summary>
    private const int ClassifierBatch = 8;

    /// <summary>The classifier's 180° verdict is taken above this probability (PaddleOCR's cls_thresh).</summary>
    private const float TurnedThreshold = 0.9f;

    /// <summary>A line at least this many times taller than wide is vertical text, read turned a quarter (as PaddleOCR does).</summary>
    private const double VerticalAspect = 1.5;

    /// <summary>Widest recognizer input (px at height 48): longer lines are squeezed rather than cut.</summary>
    private const int MaxRecognitionWidth = 3200;

    private readonly OnnxModel _detector;
    private readonly OnnxModel _recognizer;
    private readonly OnnxModel? _classifier;
    private readonly CtcDecoder _decoder;
    private readonly PaddleOptions _options;
    private readonly int _recHeight;

    private PaddleEngine(OnnxModel detector, OnnxModel recognizer, OnnxModel? classifier, CtcDecoder decoder, PaddleOptions options)
    {
        _detector = detector;
        _recognizer = recognizer;
        _classifier = classifier;
        _decoder = decoder;
        _options = options;
        _recHeight = recognizer.InputDimension(2, 48);
    }

    /// <summary>Loads the sessions of one worker.</summary>
    /// <exception cref="OcrException">A model cannot be loaded or does not fit the character list.</exception>
    public static PaddleEngine Create(PaddleModelFiles files, PaddleOptions options)
    {
        var threads = options.ThreadsPerWorker;
        OnnxModel? det = null, rec = null, cls = null;
        try
        {
            det = new OnnxModel(files.Detection, threads);
            rec = new OnnxModel(files.Recognition, threads);
            cls = options.ClassifyDirection ? new OnnxModel(files.Classifier, threads) : null;
            var decoder = new CtcDecoder(files.Keys);
            var classes = rec.OutputShape.Length == 3 ? rec.OutputShape[2] : -1;
            if (classes > 0 && classes != decoder.Classes)
            {
                throw new OcrException($"The recognition model has {classes} classes but {PaddleModelFiles.KeysFile} lists {decoder.Classes - 2} characters.");
            }

            return new PaddleEngine(det, rec, cls, decoder, options);
        }
        catch
        {
            det?.Dispose();
            rec?.Dispose();
            cls?.Dispose();
            throw;
        }
    }

    /// <summary>Finds the text lines of the <paramref name="area"/> of a page (boxes in page pixels).</summary>
    public List<RotatedBox> Detect(RasterImage page, PixelBox area, CancellationToken cancellationToken)
    {
        var (tensor, w, h) = PageSampler.Detection(page, area, _options.MaxDetectionSide);
        var (map, shape) = _detector.Run(tensor, [1, 3, h, w], cancellationToken);
        var mapH = (int)shape[^2];
        var mapW = (int)shape[^1];
        var boxes = DbPostprocess.Boxes(map.AsSpan(0, mapW * mapH), mapW, mapH, (double)area.Width / mapW, (double)area.Height / mapH, cancellationToken);
        return [.. boxes.Select(b => b with { CenterX = b.CenterX + area.X, CenterY = b.CenterY + area.Y })];
    }

    /// <summary>Reads the given line boxes: direction, then text with each character's place and probability.</summary>
    public List<PaddleLine> Read(RasterImage page, IReadOnlyList<RotatedBox> boxes, CancellationToken cancellationToken)
    {
        var vertical = boxes.Select(b => b.Height >= b.Width * VerticalAspect).ToArray();
        var turned = _classifier is null ? new bool[boxes.Count] : Classify(page, boxes, vertical, cancellationToken);
        var lines = new PaddleLine?[boxes.Count];
        var order = Enumerable.Range(0, boxes.Count).OrderBy(i => Ratio(boxes[i], vertical[i])).ToArray();
        for (var start = 0; start < order.Length; start += RecognitionBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(RecognitionBatch, order.Length - start)).ToArray();
            var widths = batch.Select(i => Math.Clamp((int)Math.Ceiling(_recHeight * Ratio(boxes[i], vertical[i])), 8, MaxRecognitionWidth)).ToArray();
            var batchWidth = (widths.Max() + 7) / 8 * 8;
            var plane = batchWidth * _recHeight;
            var tensor = new float[batch.Length * 3 * plane];
            for (var k = 0; k < batch.Length; k++)
            {
                // Padding stays 0 (mid-grey after normalization), as PaddleOCR pads.
                PageSampler.Line(page, boxes[batch[k]], tensor, k * 3 * plane, batchWidth, widths[k], _recHeight, turned[batch[k]], vertical[batch[k]]);
            }

            var (probabilities, shape) = _recognizer.Run(tensor, [batch.Length, 3, _recHeight, batchWidth], cancellationToken);
            var steps = (int)shape[1];
            var classes = (int)shape[2];
            var pxPerStep = (double)batchWidth / steps;
            for (var k = 0; k < batch.Length; k++)
            {
                var box = boxes[batch[k]];
                var usedSteps = (int)Math.Ceiling(widths[k] / pxPerStep) + 1;
                var decoded = _decoder.Decode(probabilities.AsSpan(k * steps * classes, steps * classes), steps, classes, usedSteps);
                var length = vertical[batch[k]] ? box.Height : box.Width;
                var boxPerPx = length / widths[k];
                var characters = new List<PaddleCharacter>(decoded.Count);
                foreach (var c in decoded)
                {
                    var from = Math.Clamp(c.First * pxPerStep * boxPerPx, 0, length);
                    var to = Math.Clamp((c.Last + 1) * pxPerStep * boxPerPx, from, length);
                    if (turned[batch[k]])
                    {
                        (from, to) = (length - to, length - from);
                    }

                    characters.Add(new PaddleCharacter(c.Text, from, to, c.Probability));
                }

                if (turned[batch[k]])
                {
                    characters.Sort((a, b) => a.From.CompareTo(b.From));
                }

                var spaced = WordGaps.Restore(characters, tensor.AsSpan(k * 3 * plane, 3 * plane), batchWidth, widths[k], _recHeight, boxPerPx, turned[batch[k]]);
                lines[batch[k]] = new PaddleLine(box, vertical[batch[k]], spaced);
            }
        }

        return [.. lines.Select(l => l!)];
    }

    public void Dispose()
    {
        _detector.Dispose();
        _recognizer.Dispose();
        _classifier?.Dispose();
    }

    private static double Ratio(RotatedBox box, bool vertical) =>
        vertical ? box.Height / Math.Max(1, box.Width) : box.Width / Math.Max(1, box.Height);

    /// <summary>Which lines are upside down, by the direction classifier.</summary>
    private bool[] Classify(RasterImage page, IReadOnlyList<RotatedBox> boxes, bool[] vertical, CancellationToken cancellationToken)
    {
        var classifier = _classifier!;
        var height = classifier.InputDimension(2, 48);
        var width = classifier.InputDimension(3, 192);
        var plane = width * height;
        var turned = new bool[boxes.Count];
        for (var start = 0; start < boxes.Count; start += ClassifierBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(ClassifierBatch, boxes.Count - start);
            var tensor = new float[n * 3 * plane];
            for (var k = 0; k < n; k++)
            {
                var i = start + k;
                var w = Math.Clamp((int)Math.Ceiling(height * Ratio(boxes[i], vertical[i])), 8, width);
                PageSampler.Line(page, boxes[i], tensor, k * 3 * plane, width, w, height, turn: false, vertical[i]);
            }

            var (scores, shape) = classifier.Run(tensor, [n, 3, height, width], cancellationToken);
            var labels = (int)shape[^1];
            for (var k = 0; k < n; k++)
            {
                turned[start + k] = labels >= 2 && scores[(k * labels) + 1] > TurnedThreshold && scores[(k * labels) + 1] > scores[k * labels];
            }
        }

        return turned;
    }
}
