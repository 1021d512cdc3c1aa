using LrDecay.Analysis;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Analysis;

/// <summary><see cref="RateChunks"/>: every step once, in order, bit-identical to <see cref="ILearningRateSchedule.GetLearningRate"/>.</summary>
public sealed class RateChunksTests
{
    [Theory]
    [InlineData(0L, 10_000L, 1L, 4096)]
    [InlineData(17L, 5L, 1L, 4096)]
    [InlineData(3L, 1000L, 7L, 64)]
    [InlineData(0L, 0L, 1L, 64)]
    public void Chunks_CoverTheRange_BitIdenticalToGetLearningRate(long start, long count, long stride, int chunkSize)
    {
        foreach ((string name, Func<ILearningRateSchedule> create) in ScheduleCatalog.All)
        {
            ILearningRateSchedule schedule = create();
            var chunks = new RateChunks(schedule, start, count, stride, chunkSize);
            long expectedOffset = 0;
            while (chunks.MoveNext())
            {
                chunks.Offset.Should().Be(expectedOffset, name);
                ReadOnlySpan<double> rates = chunks.Current;
                rates.Length.Should().BeInRange(1, chunkSize);
                for (int i = 0; i < rates.Length; i++)
                {
                    long step = start + ((chunks.Offset + i) * stride);
                    chunks.StepAt(chunks.Offset + i).Should().Be(step);
                    BitConverter.DoubleToInt64Bits(rates[i]).Should().Be(BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(step)), $"{name} at step {step}");
                }

                expectedOffset += rates.Length;
            }

            expectedOffset.Should().Be(count, name);
            chunks.Current.Length.Should().Be(0);
        }
    }

    [Fact]
    public void Constructor_RefusesBadRanges()
    {
        ILearningRateSchedule schedule = Schedules.Constant(0.1);

        FluentActions.Invoking(() => new RateChunks(schedule, -1, 10)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new RateChunks(schedule, 0, -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        FluentActions.Invoking(() => new RateChunks(schedule, 0, 10, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("stride");
        FluentActions.Invoking(() => new RateChunks(schedule, long.MaxValue - 5, 10)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
    }
}
