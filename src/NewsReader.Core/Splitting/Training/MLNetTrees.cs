using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace NewsReader.Core.Splitting.Training;

/// <summary>
/// The bridge from ML.NET, used by training only: reads the trees and calibrator out of a trained
/// FastTree classifier into <see cref="BoostedTrees"/>, and scores rows through ML.NET's own
/// pipeline so a test can check that both agree.
/// </summary>
public static class MLNetTrees
{
    /// <summary>Reads the trees of a trained FastTree binary classifier with a Platt calibrator.</summary>
    internal static BoostedTrees Read(ITransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        var model = (transformer as ISingleFeaturePredictionTransformer<object>)?.Model;
        if (model is not CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator> calibrated)
        {
            throw new InvalidDataException($"The boundary model is not a calibrated FastTree classifier ({model?.GetType().Name ?? "nothing"}).");
        }

        var ensemble = calibrated.SubModel.TrainedTreeEnsemble;
        var trees = ensemble.Trees;
        var firstNode = new int[trees.Count];
        var firstLeaf = new int[trees.Count];
        var (nodes, leaves) = (0, 0);
        for (var t = 0; t < trees.Count; t++)
        {
            firstNode[t] = nodes;
            firstLeaf[t] = leaves;
            nodes += trees[t].NumberOfNodes;
            leaves += trees[t].NumberOfLeaves;
        }

        var (feature, threshold, left, right) = (new int[nodes], new float[nodes], new int[nodes], new int[nodes]);
        var leafValue = new double[leaves];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            if (tree.CategoricalSplitFlags.Any(f => f))
            {
                throw new InvalidDataException("The boundary model has a categorical split, which the splitter's features never need.");
            }

            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                var at = firstNode[t] + n;
                (feature[at], threshold[at], left[at], right[at]) =
                    (tree.NumericalSplitFeatureIndexes[n], tree.NumericalSplitThresholds[n], tree.LeftChild[n], tree.RightChild[n]);
            }

            for (var l = 0; l < tree.NumberOfLeaves; l++)
            {
                leafValue[firstLeaf[t] + l] = tree.LeafValues[l];
            }
        }

        return new BoostedTrees(
            firstNode, firstLeaf, feature, threshold, left, right, leafValue, [.. ensemble.TreeWeights],
            ensemble.Bias, calibrated.Calibrator.Slope, calibrated.Calibrator.Offset);
    }

    /// <summary>The start probability of each row, in order, through ML.NET's own prediction pipeline.</summary>
    internal static IEnumerable<float> Score(ITransformer transformer, IEnumerable<BoundaryRow> rows)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows, Schema());
        return transformer.Transform(data).GetColumn<float>("Probability");
    }

    /// <summary>The schema of a <see cref="BoundaryRow"/> with the feature vector's length fixed (ML.NET needs it known).</summary>
    internal static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(BoundaryRow));
        schema[nameof(BoundaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, BoundaryFeatures.Count);
        return schema;
    }
}
