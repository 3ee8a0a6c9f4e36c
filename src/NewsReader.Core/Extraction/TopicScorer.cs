using NewsReader.Core.Data;

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

            // A not-a-topic phrase is matched with no terms: it takes its words and counts nothing.
            if (term.Counts)
            {
                list.Add(id);
            }
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
        var counts = new int[_terms.Length];
        var seen = new List<int>(); // in the order first counted, which orders ties in the evidence
        var words = CountTerms(story, counts, seen);
        if (seen.Count == 0)
        {
            return [];
        }

        var ranked = Totals(counts, seen, norm: Math.Sqrt(Math.Max(words, 50) / 100.0));
        EntityOrder.StableSort<TopicTotal>(ranked, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Topic, b.Topic));
        var best = ranked[0].Score;
        if (best < MinimumBest)
        {
            return [];
        }

        var result = new List<EntityMention>();
        for (var rank = 0; rank < ranked.Length && result.Count < MaxTopics; rank++)
        {
            var x = ranked[rank];
            if (rank == 0 || (x.Score >= RelativeThreshold * best && x.Score >= AbsoluteThreshold))
            {
                result.Add(new EntityMention(x.Topic, EntityKind.Topic, About: true, x.Hits, Math.Round(x.Score, 3), x.Evidence));
            }
        }

        return result;
    }

    /// <summary>Counts each term's hits outside captions (phrases before stems); returns the story's length in words.</summary>
    private int CountTerms(StoryText story, int[] counts, List<int> seen)
    {
        var tokens = story.Tokens;
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

        return words;
    }

    /// <summary>Each topic's score (its terms' weights, repeats diminishing, over the length norm), hits and evidence.</summary>
    private TopicTotal[] Totals(int[] counts, List<int> seen, double norm)
    {
        // Plain loops rather than LINQ over tuples (see EntityOrder for why).
        var termsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var id in seen)
        {
            if (!termsOf.TryGetValue(_terms[id].Topic, out var ids))
            {
                termsOf[_terms[id].Topic] = ids = [];
            }

            ids.Add(id);
        }

        var byTopic = new List<TopicTotal>(termsOf.Count);
        foreach (var (topic, ids) in termsOf)
        {
            // Each term's weight, repeats diminishing; heaviest first, ties in the order first counted.
            var parts = new Part[ids.Count];
            var hits = 0;
            for (var k = 0; k < ids.Count; k++)
            {
                var term = _terms[ids[k]];
                parts[k] = new Part(term.Term, term.Weight * (1 + Math.Log(counts[ids[k]])));
                hits += counts[ids[k]];
            }

            EntityOrder.StableSort<Part>(parts, static (a, b) => b.Value.CompareTo(a.Value));
            var sum = 0.0;
            var evidence = new List<string>(Math.Min(parts.Length, 4));
            foreach (var part in parts)
            {
                sum += part.Value;
                if (evidence.Count < 4)
                {
                    evidence.Add(part.Term);
                }
            }

            byTopic.Add(new TopicTotal(topic, sum / norm, hits, evidence));
        }

        return byTopic.ToArray();
    }

    private sealed record Part(string Term, double Value);

    private sealed record TopicTotal(string Topic, double Score, int Hits, List<string> Evidence);

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
