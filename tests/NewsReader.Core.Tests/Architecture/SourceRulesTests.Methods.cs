using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NewsReader.Core.Tests.Architecture;

/// <summary>Methods a person can hold in their head (issue 17): none over 60 lines without a reason in a comment.</summary>
public sealed partial class SourceRulesTests
{
    /// <summary>Longest a method may be (its lines from the signature to the closing brace) without saying why.</summary>
    private const int MaxMethodLines = 60;

    /// <summary>What the comment right above a longer method starts with, followed by the reason.</summary>
    private const string LongReason = "// Long because:";

    /// <summary>
    /// Every method, constructor, operator and accessor in the C# sources of src (generated migrations
    /// aside) is at most 60 lines, or has a <c>// Long because: ...</c> comment right above it (above
    /// its doc comment or attributes) saying why it reads better whole. Razor markup is not C# and is
    /// not measured.
    /// </summary>
    [Fact]
    public void Methods_Everywhere_At60LinesOrSayWhy()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var files = Sources(src)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var offenders = files
            .SelectMany(f => LongMethods(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(src, f), Method: m)))
            .Where(m => !m.Method.SaysWhy)
            .Select(m => $"{m.File}:{m.Method.Line} {m.Method.Name}: {m.Method.Lines} lines")
            .ToList();

        Assert.True(files.Count > 100, "the scan found the sources");
        Assert.True(offenders.Count == 0, $"{offenders.Count} methods over {MaxMethodLines} lines without a \"{LongReason} ...\" comment:\n{string.Join('\n', offenders)}");
    }

    [Fact]
    public void LongMethods_MethodsAroundTheLimit_FindsOnlyTheLongerAndReadsItsReason()
    {
        var code = $$"""
            namespace N;

            class C
            {
                /// <summary>Exactly at the limit.</summary>
                void AtLimit()
                {
            {{Statements(MaxMethodLines - 3)}}
                }

                [System.Obsolete]
                int OneOver(int a,
                    int b)
                {
            {{Statements(MaxMethodLines - 4)}}
                    return a;
                }

                // Long because: one state machine reads better whole.
                /// <summary>Says why.</summary>
                C()
                {
            {{Statements(MaxMethodLines)}}
                }

                int Property
                {
                    get
                    {
            {{Statements(MaxMethodLines)}}
                        return 1;
                    }
                }
            }
            """;

        var found = LongMethods(code).ToList();

        Assert.Equal(["OneOver", "C", "Property.get"], found.Select(m => m.Name));
        Assert.Equal([MaxMethodLines + 1, MaxMethodLines + 3, MaxMethodLines + 4], found.Select(m => m.Lines));
        Assert.Equal([false, true, false], found.Select(m => m.SaysWhy));
        Assert.Equal(code.Split('\n').ToList().FindIndex(l => l.Contains("int OneOver", StringComparison.Ordinal)) + 1, found[0].Line);

        static string Statements(int n) => string.Join("\n", Enumerable.Range(0, n).Select(i => $"        _ = {i};"));
    }

    /// <summary>
    /// The methods of a C# source longer than <see cref="MaxMethodLines"/>: name, 1-based first line
    /// (after attributes), line count from there to the closing brace, and whether a
    /// <see cref="LongReason"/> comment with a reason is in the comments right above.
    /// </summary>
    private static IEnumerable<LongMethod> LongMethods(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code).GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            var (name, attributes) = node switch
            {
                MethodDeclarationSyntax m => (m.Identifier.Text, m.AttributeLists),
                ConstructorDeclarationSyntax c => (c.Identifier.Text, c.AttributeLists),
                DestructorDeclarationSyntax d => ("~" + d.Identifier.Text, d.AttributeLists),
                OperatorDeclarationSyntax o => ("operator " + o.OperatorToken.Text, o.AttributeLists),
                ConversionOperatorDeclarationSyntax v => ("operator " + v.Type, v.AttributeLists),
                AccessorDeclarationSyntax a => (AccessorName(a), a.AttributeLists),
                _ => (null, default),
            };
            if (name is null)
            {
                continue;
            }

            var start = attributes.Count > 0 ? attributes[^1].GetLastToken().GetNextToken().SpanStart : node.SpanStart;
            var tree = node.SyntaxTree;
            var first = tree.GetLineSpan(new TextSpan(start, 0)).StartLinePosition.Line;
            var last = tree.GetLineSpan(node.Span).EndLinePosition.Line;
            var lines = last - first + 1;
            if (lines > MaxMethodLines)
            {
                var saysWhy = node.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia)
                    && t.ToString().StartsWith(LongReason, StringComparison.Ordinal)
                    && t.ToString().Length > LongReason.Length + 10);
                yield return new LongMethod(name, first + 1, lines, saysWhy);
            }
        }
    }

    private static string AccessorName(AccessorDeclarationSyntax accessor) =>
        accessor.Parent?.Parent switch
        {
            PropertyDeclarationSyntax p => $"{p.Identifier.Text}.{accessor.Keyword.Text}",
            EventDeclarationSyntax e => $"{e.Identifier.Text}.{accessor.Keyword.Text}",
            IndexerDeclarationSyntax => $"this[].{accessor.Keyword.Text}",
            _ => accessor.Keyword.Text,
        };

    private sealed record LongMethod(string Name, int Line, int Lines, bool SaysWhy);
}
