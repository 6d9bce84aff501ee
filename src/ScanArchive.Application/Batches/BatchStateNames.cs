using System.Globalization;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Text;

namespace ScanArchive.Application.Batches;

/// <summary>Batch states as people read them.</summary>
public static class BatchStateNames
{
    public static string Of(BatchState state, CultureInfo? culture = null) => state switch
    {
        BatchState.Capturing => UserMessages.Pick("采集中", "capturing", culture),
        BatchState.Processing => UserMessages.Pick("识别中", "processing", culture),
        BatchState.ReadyForReview => UserMessages.Pick("待审核", "ready for review", culture),
        BatchState.Approved => UserMessages.Pick("已通过", "approved", culture),
        BatchState.Rejected => UserMessages.Pick("已退回", "rejected", culture),
        BatchState.Committed => UserMessages.Pick("已归档", "committed", culture),
        _ => state.ToString(),
    };
}
