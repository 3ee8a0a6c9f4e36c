namespace NewsReader.Core.Extraction;

/// <summary>Scores a story against the topic vocabulary: weighted term counts with diminishing
/// repeats, normalised by length, then the topics close enough to the best one.</summary>
internal sealed class TopicScorer
{
    /// <summary>A topic must reach this share of the best topic's score.</summary>
    private const double RelativeThreshold = 0.3;

    /// <summary>And this absolute score (per square root of 100 words), so a story that is about
    /// none of the topics still gets only its best one.</summary>
    private const double AbsoluteThreshold = 2.0;

    private const int MaxTopics = 4;

    /// <summary>Below this the best topic is noise (one weak word), and the story gets none.</summary>
    private const double MinimumBest = 1.5;

    private readonly PhraseTable<TopicTerm[]> _phrases = new();
    private readonly Dictionary<string, List<TopicTerm>> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TopicTerm>>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;
    private readonly int _minPrefix;
    private readonly int _maxPrefix;

    public TopicScorer(ExtractionKnowledge knowledge)
    {
        var byPhrase = new Dictionary<string, List<TopicTerm>>(StringComparer.Ordinal);
        foreach (var term in knowledge.TopicTerms)
        {
            if (term.Prefix)
            {
                if (!_prefixes.TryGetValue(term.Term, out var list))
                {
                    _prefixes[term.Term] = list = [];
                }

                list.Add(term);
            }
            else
            {
                if (!byPhrase.TryGetValue(term.Term, out var list))
                {
                    byPhrase[term.Term] = list = [];
                }

                list.Add(term);
            }
        }

        foreach (var (phrase, terms) in byPhrase)
        {
            _phrases.Add(phrase, terms.ToArray());
        }

        _minPrefix = _prefixes.Count == 0 ? 0 : _prefixes.Keys.Min(k => k.Length);
        _maxPrefix = _prefixes.Count == 0 ? 0 : _prefixes.Keys.Max(k => k.Length);
        _prefixLookup = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public List<EntityMention> Score(StoryText story)
    {
        var tokens = story.Tokens;
        var counts = new Dictionary<TopicTerm, int>();
        var words = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            words++;
            var t = tokens[i];
            var caption = story.InCaption(i);
            if (caption)
            {
                continue;
            }

            if (_phrases.TryMatch(tokens, i, caseSensitive: false, out var terms, out var len))
            {
                foreach (var term in terms)
                {
                    counts[term] = counts.GetValueOrDefault(term) + 1;
                }

                if (len > 1)
                {
                    i += len - 1;
                    continue;
                }
            }

            var w = t.Lower.AsSpan();
            for (var l = Math.Min(_maxPrefix, w.Length); l >= _minPrefix && l > 0; l--)
            {
                if (_prefixLookup.TryGetValue(w[..l], out var list))
                {
                    foreach (var term in list)
                    {
                        counts[term] = counts.GetValueOrDefault(term) + 1;
                    }

                    break;
                }
            }
        }

        if (counts.Count == 0)
        {
            return [];
        }

        var norm = Math.Sqrt(Math.Max(words, 50) / 100.0);
        var byTopic = counts
            .GroupBy(kv => kv.Key.Topic)
            .Select(g =>
            {
                var parts = g.Select(kv => (kv.Key.Term, Value: kv.Key.Weight * (1 + Math.Log(kv.Value)))).OrderByDescending(p => p.Value).ToList();
                return (Topic: g.Key, Score: parts.Sum(p => p.Value) / norm, Hits: g.Sum(kv => kv.Value), Evidence: parts.Take(4).Select(p => p.Term).ToList());
            })
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Topic, StringComparer.Ordinal)
            .ToList();
        var best = byTopic[0].Score;
        if (best < MinimumBest)
        {
            return [];
        }

        return byTopic
            .Where((x, rank) => rank == 0 || (x.Score >= RelativeThreshold * best && x.Score >= AbsoluteThreshold))
            .Take(MaxTopics)
            .Select(x => new EntityMention(x.Topic, EntityKind.Topic, About: true, x.Hits, Math.Round(x.Score, 3), x.Evidence))
            .ToList();
    }
}
