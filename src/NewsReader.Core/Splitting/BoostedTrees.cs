namespace NewsReader.Core.Splitting;

/// <summary>
/// The boundary model's trees and calibrator in flat arrays, walked over a span of features. This is
/// the whole model at run time: <c>train-splitter</c> reads the trees out of the trained ML.NET
/// model and writes them in the small binary format below, so the reader never loads ML.NET (its
/// prediction pipeline costs about 13 us a paragraph and its assemblies about 0.27 s of CPU and
/// some megabytes per process; walking the arrays costs about a microsecond a paragraph). A test
/// checks that both give the same probabilities.
/// </summary>
/// <remarks>
/// File format (little-endian): the ASCII magic <c>NRBT</c>, version 1, the counts of trees, nodes
/// and leaves, then per tree its first node and first leaf, per node its feature, threshold, left and
/// right child (a child below 0 is leaf <c>~child</c> of its tree), per leaf its value, per tree its
/// weight, and last the ensemble's bias and the Platt calibrator's slope and offset.
/// </remarks>
internal sealed class BoostedTrees
{
    private const int Magic = 0x5442524E; // "NRBT"
    private const int Version = 1;
    private const int MaxCount = 1 << 22; // far above any model train-splitter makes; bounds a corrupt file's allocations

    private readonly int[] _firstNode; // per tree, its first node in the arrays below
    private readonly int[] _firstLeaf;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left; // a child below 0 is the leaf ~child of its tree
    private readonly int[] _right;
    private readonly double[] _leafValue;
    private readonly double[] _treeWeight;
    private readonly double _bias;
    private readonly double _slope;
    private readonly double _offset;

    /// <summary>Trees as arrays; the caller (training, or <see cref="Read"/>) vouches for their shape.</summary>
    internal BoostedTrees(
        int[] firstNode, int[] firstLeaf, int[] feature, float[] threshold, int[] left, int[] right,
        double[] leafValue, double[] treeWeight, double bias, double slope, double offset)
    {
        _firstNode = firstNode;
        _firstLeaf = firstLeaf;
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _leafValue = leafValue;
        _treeWeight = treeWeight;
        _bias = bias;
        _slope = slope;
        _offset = offset;
    }

    /// <summary>How many trees.</summary>
    public int TreeCount => _firstNode.Length;

    /// <summary>The calibrated probability for one feature vector.</summary>
    public float Probability(ReadOnlySpan<float> features)
    {
        var score = _bias;
        for (var t = 0; t < _firstNode.Length; t++)
        {
            var first = _firstNode[t];
            var node = 0;
            while (node >= 0)
            {
                var at = first + node;
                node = features[_feature[at]] <= _threshold[at] ? _left[at] : _right[at];
            }

            score += _treeWeight[t] * _leafValue[_firstLeaf[t] + ~node];
        }

        return (float)(1 / (1 + Math.Exp((_slope * score) + _offset)));
    }

    /// <summary>Writes the trees in the format above.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(_firstNode.Length);
        w.Write(_feature.Length);
        w.Write(_leafValue.Length);
        Array.ForEach(_firstNode, w.Write);
        Array.ForEach(_firstLeaf, w.Write);
        for (var n = 0; n < _feature.Length; n++)
        {
            w.Write(_feature[n]);
            w.Write(_threshold[n]);
            w.Write(_left[n]);
            w.Write(_right[n]);
        }

        Array.ForEach(_leafValue, w.Write);
        Array.ForEach(_treeWeight, w.Write);
        w.Write(_bias);
        w.Write(_slope);
        w.Write(_offset);
    }

    /// <summary>
    /// Reads trees in the format above for a model of <paramref name="featureCount"/> features, checking
    /// every index, so that a damaged file is refused instead of walking out of its arrays or in circles
    /// (a child always comes after its parent).
    /// </summary>
    public static BoostedTrees Read(Stream stream, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (r.ReadInt32() != Magic || r.ReadInt32() != Version)
            {
                throw Damaged("it is not a boundary-model tree file of version 1");
            }

            int Count() => r.ReadInt32() is var c and >= 0 and <= MaxCount ? c : throw Damaged("a count is out of range");
            var (trees, nodes, leaves) = (Count(), Count(), Count());
            var firstNode = Ints(r, trees);
            var firstLeaf = Ints(r, trees);
            var (feature, threshold, left, right) = (new int[nodes], new float[nodes], new int[nodes], new int[nodes]);
            for (var n = 0; n < nodes; n++)
            {
                (feature[n], threshold[n], left[n], right[n]) = (r.ReadInt32(), r.ReadSingle(), r.ReadInt32(), r.ReadInt32());
            }

            var leafValue = Doubles(r, leaves);
            var treeWeight = Doubles(r, trees);
            var (bias, slope, offset) = (r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
            if (stream.CanSeek && stream.Position != stream.Length)
            {
                throw Damaged("it has bytes after the model");
            }

            for (var t = 0; t < trees; t++)
            {
                var nodeEnd = t + 1 < trees ? firstNode[t + 1] : nodes;
                var leafEnd = t + 1 < trees ? firstLeaf[t + 1] : leaves;
                if (firstNode[t] < 0 || firstNode[t] >= nodeEnd || firstLeaf[t] < 0 || firstLeaf[t] >= leafEnd)
                {
                    throw Damaged($"tree {t} has no nodes or leaves");
                }

                for (var n = firstNode[t]; n < nodeEnd; n++)
                {
                    var local = n - firstNode[t];
                    if ((uint)feature[n] >= (uint)featureCount
                        || !ChildOk(left[n], local, nodeEnd - firstNode[t], leafEnd - firstLeaf[t])
                        || !ChildOk(right[n], local, nodeEnd - firstNode[t], leafEnd - firstLeaf[t]))
                    {
                        throw Damaged($"node {local} of tree {t} points outside its tree");
                    }
                }
            }

            return new BoostedTrees(firstNode, firstLeaf, feature, threshold, left, right, leafValue, treeWeight, bias, slope, offset);
        }
        catch (EndOfStreamException)
        {
            throw Damaged("it ends early");
        }
    }

    private static bool ChildOk(int child, int node, int nodes, int leaves) =>
        child >= 0 ? child > node && child < nodes : ~child < leaves;

    private static int[] Ints(BinaryReader r, int count)
    {
        var result = new int[count];
        for (var k = 0; k < count; k++)
        {
            result[k] = r.ReadInt32();
        }

        return result;
    }

    private static double[] Doubles(BinaryReader r, int count)
    {
        var result = new double[count];
        for (var k = 0; k < count; k++)
        {
            result[k] = r.ReadDouble();
        }

        return result;
    }

    private static InvalidDataException Damaged(string why) => new($"The boundary model file is damaged: {why}.");
}
