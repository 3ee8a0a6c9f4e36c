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

    // Terms are counted by number (their index in _terms): hashing a TopicTerm record for every
    // counted word cost more than the look-up that found it.
    private readonly TopicTerm[] _terms;
    private readonly PhraseTable<int[]> _phrases = new();

    // Word stems ("acqui*") and, as continuations, every shorter start of a stem down to the
    // shortest stem's length: a word is walked one letter at a time and most stop at the first
    // look-up, instead of one look-up for each length a stem could have.
    private readonly WordTable<Stem> _stems = new();
    private readonly int _minPrefix;
    private readonly int _maxPrefix;

    /// <param name="Terms">The terms of the stem that ends here, if one does.</param>
    /// <param name="Continues">Whether a longer stem starts with this one.</param>
    private readonly record struct Stem(int[]? Terms, bool Continues);

    public TopicScorer(ExtractionKnowledge knowledge)
    {
        // Equal records are one term, as they were one key when terms were counted in a dictionary.
        var ids = new Dictionary<TopicTerm, int>();
        var terms = new List<TopicTerm>();
        var byPhrase = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byStem = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var term in knowledge.TopicTerms)
        {
            if (!ids.TryGetValue(term, out var id))
            {
                id = terms.Count;
                ids[term] = id;
                terms.Add(term);
            }

            var into = term.Prefix ? byStem : byPhrase;
            if (!into.TryGetValue(term.Term, out var list))
            {
                into[term.Term] = list = [];
            }

            list.Add(id);
        }

        _terms = [.. terms];
        foreach (var (phrase, list) in byPhrase)
        {
            _phrases.Add(phrase, [.. list]);
        }

        _minPrefix = byStem.Count == 0 ? 0 : byStem.Keys.Min(k => k.Length);
        _maxPrefix = byStem.Count == 0 ? 0 : byStem.Keys.Max(k => k.Length);
        foreach (var stem in byStem.Keys)
        {
            for (var l = Math.Max(1, _minPrefix); l < stem.Length; l++)
            {
                var start = stem[..l];
                _stems.Set(start, new Stem(byStem.GetValueOrDefault(start)?.ToArray(), Continues: true));
            }
        }

        foreach (var (stem, list) in byStem)
        {
            if (stem.Length > 0 && !_stems.TryGetValue(stem, out _))
            {
                _stems.Set(stem, new Stem([.. list], Continues: false));
            }
        }
    }

    public List<EntityMention> Score(StoryText story)
    {
        var tokens = story.Tokens;
        var counts = new int[_terms.Length];
        var seen = new List<int>(); // in the order first counted, which orders ties in the evidence
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

            if (_phrases.TryMatch(tokens, i, caseSensitive: false, out var phraseTerms, out var len))
            {
                Count(phraseTerms, counts, seen);
                if (len > 1)
                {
                    i += len - 1;
                    continue;
                }
            }

            if (LongestStem(t.Lower) is { } stemTerms)
            {
                Count(stemTerms, counts, seen);
            }
        }

        if (seen.Count == 0)
        {
            return [];
        }

        var norm = Math.Sqrt(Math.Max(words, 50) / 100.0);
        var byTopic = seen
            .Select(id => KeyValuePair.Create(_terms[id], counts[id]))
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

    private static void Count(int[] ids, int[] counts, List<int> seen)
    {
        foreach (var id in ids)
        {
            if (counts[id]++ == 0)
            {
                seen.Add(id);
            }
        }
    }

    /// <summary>The terms of the longest stem the word starts with, if any.</summary>
    private int[]? LongestStem(string word)
    {
        int[]? found = null;
        var hash = WordHash.Seed;
        var limit = Math.Min(_maxPrefix, word.Length);
        for (var l = 1; l <= limit; l++)
        {
            hash = WordHash.Step(hash, word[l - 1]);
            if (l < _minPrefix)
            {
                continue;
            }

            if (!_stems.TryGetValue(word.AsSpan(0, l), hash, out var stem))
            {
                break;
            }

            found = stem.Terms ?? found;
            if (!stem.Continues)
            {
                break;
            }
        }

        return found;
    }
}
