using CyclingCoach.Coaching.Analyses;
using CyclingCoach.Coaching.Model;

namespace CyclingCoach.Coaching.Tests.Analyses;

/// <summary>When an analysis counts as made from other numbers than its ride has now, and which ones count as open.</summary>
public sealed class AnalysisBasisTests
{
    private static readonly AnalysisBasis Used = new(21.4, 0.52, 310);

    [Theory]
    [InlineData(21.43, 0.5203, 310.0, false)] // rounding
    [InlineData(60.0, 0.52, 310.0, true)] // the load moved
    [InlineData(21.4, 0.61, 310.0, true)] // the IF moved
    [InlineData(21.4, 0.52, 300.0, true)] // computed with another FTP
    [InlineData(21.4, 0.52, null, false)] // the ride has no FTP of its own (heart rate only): the FTP alone changes nothing
    public void An_analysis_is_stale_when_the_rides_load_IF_or_FTP_moved(double tss, double intensity, double? ftp, bool stale) =>
        Assert.Equal(stale, Used.DiffersFrom(new AnalysisBasis(tss, intensity, ftp)));

    [Fact]
    public void A_value_appearing_or_disappearing_counts_as_a_change()
    {
        Assert.True(new AnalysisBasis(42, null, null).DiffersFrom(new AnalysisBasis(42, 0.8, 250))); // the first FTP gave it an IF
        Assert.False(new AnalysisBasis(42, null, null).DiffersFrom(new AnalysisBasis(42, null, null)));
    }

    [Fact]
    public void Only_a_ready_analysis_without_any_decided_suggestion_is_open()
    {
        static Suggestion S(SuggestionState state) => new("s1", SuggestionKind.PlanOperation, "r", [], null, State: state);
        Assert.True(AnalysisRefresh.IsOpen(new Analysis { Status = AnalysisStatus.Ready }));
        Assert.True(AnalysisRefresh.IsOpen(new Analysis { Status = AnalysisStatus.Ready, Suggestions = [S(SuggestionState.Pending)] }));
        Assert.False(AnalysisRefresh.IsOpen(new Analysis { Status = AnalysisStatus.Ready, Suggestions = [S(SuggestionState.Rejected), S(SuggestionState.Pending)] }));
        Assert.False(AnalysisRefresh.IsOpen(new Analysis { Status = AnalysisStatus.Approved }));
        Assert.False(AnalysisRefresh.IsOpen(new Analysis { Status = AnalysisStatus.Pending }));
    }
}
