using LoTrinh.Core.Targets;

namespace LoTrinh.Core.Tests.Targets;

public sealed class TargetEvaluatorTests
{
    [Theory]
    [InlineData(Comparator.Gt, 54, 54.01, TargetOutcome.Met)]
    [InlineData(Comparator.Gt, 54, 54, TargetOutcome.NotMet)]
    [InlineData(Comparator.Gt, 54, 53.99, TargetOutcome.NotMet)]
    [InlineData(Comparator.Gte, 28, 28, TargetOutcome.Met)]
    [InlineData(Comparator.Gte, 28, 27.99, TargetOutcome.NotMet)]
    [InlineData(Comparator.Lt, 10, 9.99, TargetOutcome.Met)]
    [InlineData(Comparator.Lt, 10, 10, TargetOutcome.NotMet)]
    [InlineData(Comparator.Lte, 10, 10, TargetOutcome.Met)]
    [InlineData(Comparator.Lte, 10, 10.01, TargetOutcome.NotMet)]
    [InlineData(Comparator.Eq, 100, 100, TargetOutcome.Met)]
    [InlineData(Comparator.Eq, 100, 99.99, TargetOutcome.NotMet)]
    public void Evaluate_SingleValueComparators_AtTheirBoundaries(Comparator comparator, double goal, double actual, TargetOutcome expected)
    {
        var target = TargetSpec.Create(comparator, (decimal)goal, null, null);

        Assert.Equal(expected, TargetEvaluator.Evaluate(target, (decimal)actual));
    }

    [Theory]
    [InlineData(7.99, TargetOutcome.NotMet)]
    [InlineData(8, TargetOutcome.Met)]
    [InlineData(9, TargetOutcome.Met)]
    [InlineData(10, TargetOutcome.Met)]
    [InlineData(10.01, TargetOutcome.NotMet)]
    public void Evaluate_Range_IsMetInsideItsBounds(double actual, TargetOutcome expected)
    {
        var greenSpace = TargetSpec.Create(Comparator.Range, null, 8, 10);

        Assert.Equal(expected, TargetEvaluator.Evaluate(greenSpace, (decimal)actual));
    }

    [Theory]
    [InlineData(71.24, Direction.Unspecified, TargetOutcome.NotMet)]
    [InlineData(71.25, Direction.Unspecified, TargetOutcome.Met)]
    [InlineData(78.75, Direction.Unspecified, TargetOutcome.Met)]
    [InlineData(78.76, Direction.Unspecified, TargetOutcome.NotMet)]
    [InlineData(90, Direction.Increase, TargetOutcome.Met)]
    [InlineData(71.24, Direction.Increase, TargetOutcome.NotMet)]
    [InlineData(60, Direction.Decrease, TargetOutcome.Met)]
    [InlineData(78.76, Direction.Decrease, TargetOutcome.NotMet)]
    public void Evaluate_Approx_UsesFivePercentToleranceAndDirection(double actual, Direction direction, TargetOutcome expected)
    {
        var grdpShare = TargetSpec.Create(Comparator.Approx, 75, null, null);

        Assert.Equal(expected, TargetEvaluator.Evaluate(grdpShare, (decimal)actual, direction));
    }

    [Fact]
    public void Evaluate_NoValue_IsNoData() =>
        Assert.Equal(TargetOutcome.NoData, TargetEvaluator.Evaluate(TargetSpec.Create(Comparator.Gt, 54, null, null), null));

    [Theory]
    [InlineData(Comparator.Range, 5.0, 1.0, 2.0)]
    [InlineData(Comparator.Range, null, 1.0, null)]
    [InlineData(Comparator.Range, null, 3.0, 2.0)]
    [InlineData(Comparator.Gt, null, null, null)]
    [InlineData(Comparator.Gt, 54.0, 1.0, null)]
    [InlineData(Comparator.Approx, null, 1.0, 2.0)]
    public void Problem_ComparatorAndValuesDisagree_IsNamed(Comparator comparator, double? value, double? low, double? high)
    {
        var problem = TargetSpec.Problem(comparator, (decimal?)value, (decimal?)low, (decimal?)high);

        Assert.NotNull(problem);
        Assert.Throws<ArgumentException>(() => TargetSpec.Create(comparator, (decimal?)value, (decimal?)low, (decimal?)high));
    }

    [Fact]
    public void Problem_ConsistentTargets_HaveNone()
    {
        Assert.Null(TargetSpec.Problem(Comparator.Range, null, 1.5m, 2m));
        Assert.Null(TargetSpec.Problem(Comparator.Range, null, 2m, 2m));
        Assert.Null(TargetSpec.Problem(Comparator.Gt, 54m, null, null));
    }
}
