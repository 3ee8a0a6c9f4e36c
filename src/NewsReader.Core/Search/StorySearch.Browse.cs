using System.Buffers;
using NewsReader.Core.Data;

namespace NewsReader.Core.Search;

// The browse questions answered from the link index alone: neighbours, related stories, entity stats, chips, directory counts.
public sealed partial class StorySearch
{
    /// <summary>The newer and the older neighbour of a live story in the newest-first list (ids), each null at an end.</summary>
    public async Task<(long? Newer, long? Older)> NeighboursAsync(long articleId, CancellationToken ct = default)
    {
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var slot = index.SlotOf(articleId);
        if (slot < 0)
        {
            return (null, null);
        }

        return (slot > 0 ? index.IdAt(slot - 1) : null, slot + 1 < index.Count ? index.IdAt(slot + 1) : null);
    }

    /// <summary>
    /// Live stories most like a story by what both are about, best first (ids): the cosine of the two
    /// stories' entity vectors, where an entity weighs <see cref="RelatedWeight"/> (its kind, whether
    /// the story is about it or only mentions it, and how rare it is); ties go to the newer id.
    /// </summary>
    public async Task<IReadOnlyList<long>> RelatedAsync(long articleId, int count, CancellationToken ct = default)
    {
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var slot = index.SlotOf(articleId);
        if (slot < 0 || count <= 0)
        {
            return [];
        }

        // Dot products by slot in a pooled array (a country's posting alone can hold thousands of
        // stories), the touched slots listed so only they are ranked. This story's own length is the
        // same for every candidate, so only the candidate's divides.
        var scores = ArrayPool<double>.Shared.Rent(index.Count);
        Array.Clear(scores, 0, index.Count);
        try
        {
            var touched = DotProducts(index, slot, scores);
            return Best(index, scores, touched, count);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>Adds each other story's dot product with the story in <paramref name="slot"/> into <paramref name="scores"/>; returns the slots touched.</summary>
    private static List<int> DotProducts(LinkIndex index, int slot, double[] scores)
    {
        var touched = new List<int>();
        foreach (var (ordinal, about) in index.LinksOf(slot))
        {
            var mine = RelatedWeight(index, ordinal, about);
            if (mine == 0)
            {
                continue;
            }

            var theirsAbout = RelatedWeight(index, ordinal, about: true);
            var theirsMentioned = RelatedWeight(index, ordinal, about: false);
            foreach (var other in index.Posting(ordinal))
            {
                if (other != slot)
                {
                    if (scores[other] == 0)
                    {
                        touched.Add(other);
                    }

                    scores[other] += mine * (index.IsAbout(other, ordinal) ? theirsAbout : theirsMentioned);
                }
            }
        }

        return touched;
    }

    /// <summary>The best few kept in order as the candidates go by: higher cosine first, then the newer id.</summary>
    private static List<long> Best(LinkIndex index, double[] scores, List<int> touched, int count)
    {
        var best = new List<(double Score, long Id)>(count + 1);
        foreach (var other in touched)
        {
            var candidate = (Score: scores[other] / RelatedLength(index, other), Id: index.IdAt(other));
            var at = best.Count;
            while (at > 0 && (candidate.Score > best[at - 1].Score || (candidate.Score == best[at - 1].Score && candidate.Id > best[at - 1].Id)))
            {
                at--;
            }

            if (at < count)
            {
                best.Insert(at, candidate);
                if (best.Count > count)
                {
                    best.RemoveAt(count);
                }
            }
        }

        return best.ConvertAll(b => b.Id);
    }

    /// <summary>
    /// How much an entity says about a story when relating stories: a company 3, a topic or tag 2, a
    /// country 1 (two stories about China are rarely about the same thing); half when the story only
    /// mentions it; times ln(1 + stories / stories linking to it), so an entity half the store shares
    /// weighs little. A hidden entity weighs nothing. Measured on the seed and the annotated files:
    /// docs/web.md.
    /// </summary>
    private static double RelatedWeight(LinkIndex index, int ordinal, bool about)
    {
        var entity = index.EntityAt(ordinal);
        if (entity.IsHidden)
        {
            return 0;
        }

        var kind = entity.Kind switch
        {
            EntityKind.Company => 3.0,
            EntityKind.Country => 1.0,
            _ => 2.0,
        };
        return kind * (about ? 1 : 0.5) * Math.Log(1 + ((double)index.Count / index.Posting(ordinal).Length));
    }

    /// <summary>The length of a story's entity vector (at least a tiny positive number).</summary>
    private static double RelatedLength(LinkIndex index, int slot)
    {
        var sum = 0.0;
        foreach (var (ordinal, about) in index.LinksOf(slot))
        {
            var w = RelatedWeight(index, ordinal, about);
            sum += w * w;
        }

        return Math.Max(Math.Sqrt(sum), 1e-9);
    }

    /// <summary>
    /// An entity's live stories, how many are about it, and the visible companies and countries most
    /// often named in those stories (top <paramref name="alongside"/> each); null for an unknown entity.
    /// </summary>
    public async Task<EntityStats?> EntityStatsAsync(long entityId, int alongside, CancellationToken ct = default)
    {
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var ordinal = index.OrdinalOf(entityId);
        if (ordinal < 0)
        {
            return null;
        }

        var posting = index.Posting(ordinal);
        var counts = new int[index.EntityCount];
        var about = 0;
        foreach (var slot in posting)
        {
            index.CountLinks(slot, counts);
            about += index.IsAbout(slot, ordinal) ? 1 : 0;
        }

        counts[ordinal] = 0;
        var top = Top(index, counts, Math.Max(0, alongside));
        return new EntityStats(posting.Length, about,
            top.Where(t => t.Kind == EntityKind.Company).Select(t => t.Facet).ToList(),
            top.Where(t => t.Kind == EntityKind.Country).Select(t => t.Facet).ToList());
    }

    /// <summary>
    /// The companies, countries and topics each live story shows as chips (visible ones, "about"
    /// first, then by score), by story id; a story that is not live is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<StoryEntity>>> ChipsAsync(IEnumerable<long> articleIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var chips = new Dictionary<long, IReadOnlyList<StoryEntity>>();
        foreach (var id in articleIds)
        {
            var slot = index.SlotOf(id);
            if (slot >= 0)
            {
                chips[id] = index.ChipsOf(slot).ConvertAll(c => new StoryEntity(c.Entity.Kind, c.Entity.Name, c.Entity.Slug, c.About));
            }
        }

        return chips;
    }

    /// <summary>Every visible entity of a kind with live stories, with its story count; most stories first, then by name.</summary>
    public async Task<IReadOnlyList<FacetCount>> EntityCountsAsync(EntityKind kind, CancellationToken ct = default)
    {
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var rows = new List<FacetCount>();
        for (var e = 0; e < index.EntityCount; e++)
        {
            var entity = index.EntityAt(e);
            var n = index.Posting(e).Length;
            if (entity.Kind == kind && !entity.IsHidden && n > 0)
            {
                rows.Add(new FacetCount(entity.Name, entity.Slug, n));
            }
        }

        rows.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Name, b.Name));
        return rows;
    }
}
