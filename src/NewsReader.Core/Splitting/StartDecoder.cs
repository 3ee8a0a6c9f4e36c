namespace NewsReader.Core.Splitting;

/// <summary>
/// Chooses the story starts of a whole file at once: the set of starts that makes the model's
/// probabilities and a prior on story length most likely together (dynamic programming, linear in
/// the paragraphs), rather than one threshold per paragraph. Two close leads compete, since a
/// story of one paragraph is far less likely than a misread cue.
/// </summary>
internal static class StartDecoder
{
    private const double Floor = 1e-6;

    /// <summary>The start paragraphs (always 0 first, ascending).</summary>
    /// <param name="probabilities">Per paragraph, the probability that a story starts there (index 0 is ignored).</param>
    /// <param name="decided">Per paragraph, a person's decision: true a story starts there, false it does not, null the model decides. May be null.</param>
    public static List<int> Decode(ReadOnlySpan<float> probabilities, DecoderSettings settings, Func<int, bool?>? decided = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var n = probabilities.Length;
        if (n == 0)
        {
            return [];
        }

        // State k: the current story has k + 1 paragraphs so far; the last state holds every longer
        // story (they weigh the same). Two states at least, so a start (state 0) is told from a stay.
        var penalties = settings.ShortPenalties;
        var states = Math.Max(penalties.Count, 1) + 1;
        var best = new double[states];
        var next = new double[states];
        var from = new byte[n * states]; // the state each state came from (a start when its state is 0)
        Array.Fill(best, double.NegativeInfinity);
        best[0] = 0;
        for (var i = 1; i < n; i++)
        {
            var p = Math.Clamp(probabilities[i], Floor, 1 - Floor);
            var person = decided?.Invoke(i);
            var startGain = person == false ? double.NegativeInfinity : Math.Log(p) + settings.Bias;
            var stayGain = person == true ? double.NegativeInfinity : Math.Log(1 - p);

            // A start closes the story before it, which pays for its length.
            var bestClose = double.NegativeInfinity;
            var bestState = 0;
            for (var k = 0; k < states; k++)
            {
                var closed = best[k] + Penalty(penalties, k);
                if (closed > bestClose)
                {
                    bestClose = closed;
                    bestState = k;
                }
            }

            next[0] = bestClose + startGain;
            from[(i * states) + 0] = (byte)bestState;
            for (var k = 1; k < states; k++)
            {
                next[k] = best[k - 1] + stayGain;
                from[(i * states) + k] = (byte)(k - 1);
            }

            // The longest state also takes stories that were already that long.
            var last = states - 1;
            if (best[last] + stayGain > next[last])
            {
                next[last] = best[last] + stayGain;
                from[(i * states) + last] = (byte)last;
            }

            (best, next) = (next, best);
        }

        return Backtrack(best, from, states, penalties);
    }

    /// <summary>The starts of the best path: from the best final state (its story's length paid for) back through <paramref name="from"/>.</summary>
    private static List<int> Backtrack(double[] best, byte[] from, int states, IReadOnlyList<double> penalties)
    {
        var n = from.Length / states;
        var state = 0;
        var end = double.NegativeInfinity;
        for (var k = 0; k < states; k++)
        {
            var total = best[k] + Penalty(penalties, k);
            if (total > end)
            {
                end = total;
                state = k;
            }
        }

        var starts = new List<int>();
        for (var i = n - 1; i >= 1; i--)
        {
            var previous = from[(i * states) + state];
            if (state == 0)
            {
                starts.Add(i);
            }

            state = previous;
        }

        starts.Add(0);
        starts.Reverse();
        return starts;
    }

    private static double Penalty(IReadOnlyList<double> penalties, int state) => state < penalties.Count ? penalties[state] : 0;
}
