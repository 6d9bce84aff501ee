using Microsoft.ML.OnnxRuntime;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr.Paddle;

/// <summary>
/// One ONNX session with its single input and output, named and shaped as the model's metadata says (not assumed).
/// Not thread-safe in our use: each pool worker owns its sessions.
/// </summary>
internal sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    public OnnxModel(string path, int threads)
    {
        try
        {
            using var options = new SessionOptions
            {
                IntraOpNumThreads = threads,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,

                // Input sizes change with every page and line: memory patterns would be planned for one shape only.
                EnableMemoryPattern = false,
            };

            // Workers are threads of their own; spinning ORT threads would take CPU from the other worker.
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            _session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OcrException($"The model {Path.GetFileName(path)} cannot be loaded: {ex.Message}", ex);
        }

        _inputNames = [_session.InputMetadata.Keys.Single()];
        _outputNames = [_session.OutputMetadata.Keys.First()];
        InputShape = _session.InputMetadata[_inputNames[0]].Dimensions;
        OutputShape = _session.OutputMetadata[_outputNames[0]].Dimensions;
    }

    /// <summary>The input's dimensions as declared; −1 where the model takes any size.</summary>
    public int[] InputShape { get; }

    /// <summary>The output's dimensions as declared; −1 where they follow the input.</summary>
    public int[] OutputShape { get; }

    /// <summary>The input's name, for diagnostics.</summary>
    public string InputName => _inputNames[0];

    /// <summary>The output's name, for diagnostics.</summary>
    public string OutputName => _outputNames[0];

    /// <summary>A fixed dimension of the input, or <paramref name="fallback"/> when the model leaves it open.</summary>
    public int InputDimension(int index, int fallback) => InputShape.Length > index && InputShape[index] > 0 ? InputShape[index] : fallback;

    /// <summary>Runs the model on one tensor; returns the output's values and shape. Cancellation stops a running inference.</summary>
    public (float[] Values, long[] Shape) Run(float[] input, long[] shape, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(static o => ((RunOptions)o!).Terminate = true, runOptions);
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        try
        {
            using var outputs = _session.Run(runOptions, _inputNames, [value], _outputNames);
            var output = outputs[0];
            return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    public void Dispose() => _session.Dispose();
}
