using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace NewsReader.Core.Splitting;

/// <summary>
/// The boundary model's trees and calibrator, read out of the trained ML.NET model once and kept in
/// flat arrays. ML.NET's own prediction pipeline costs about 13 us a paragraph (a data view, a
/// cursor and a vector copy per row), which alone would take a 50 MB file below the splitter's
/// speed target; walking the same trees over a span costs about a microsecond. A test checks that
/// both give the same probabilities.
/// </summary>
internal sealed class BoostedTrees
{
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

    private BoostedTrees(RegressionTreeEnsemble ensemble, PlattCalibrator calibrator)
    {
        var trees = ensemble.Trees;
        _firstNode = new int[trees.Count];
        _firstLeaf = new int[trees.Count];
        var nodes = 0;
        var leaves = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            _firstNode[t] = nodes;
            _firstLeaf[t] = leaves;
            nodes += trees[t].NumberOfNodes;
            leaves += trees[t].NumberOfLeaves;
        }

        _feature = new int[nodes];
        _threshold = new float[nodes];
        _left = new int[nodes];
        _right = new int[nodes];
        _leafValue = new double[leaves];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            if (tree.CategoricalSplitFlags.Any(f => f))
            {
                throw new InvalidDataException("The boundary model has a categorical split, which the splitter's features never need.");
            }

            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                _feature[_firstNode[t] + n] = tree.NumericalSplitFeatureIndexes[n];
                _threshold[_firstNode[t] + n] = tree.NumericalSplitThresholds[n];
                _left[_firstNode[t] + n] = tree.LeftChild[n];
                _right[_firstNode[t] + n] = tree.RightChild[n];
            }

            for (var l = 0; l < tree.NumberOfLeaves; l++)
            {
                _leafValue[_firstLeaf[t] + l] = tree.LeafValues[l];
            }
        }

        _treeWeight = [.. ensemble.TreeWeights];
        _bias = ensemble.Bias;
        _slope = calibrator.Slope;
        _offset = calibrator.Offset;
    }

    /// <summary>Reads the trees of a trained or loaded FastTree binary classifier with a Platt calibrator.</summary>
    public static BoostedTrees From(ITransformer transformer)
    {
        var model = (transformer as ISingleFeaturePredictionTransformer<object>)?.Model;
        return model is CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator> calibrated
            ? new BoostedTrees(calibrated.SubModel.TrainedTreeEnsemble, calibrated.Calibrator)
            : throw new InvalidDataException($"The boundary model is not a calibrated FastTree classifier ({model?.GetType().Name ?? "nothing"}).");
    }

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
}
