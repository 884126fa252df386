using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Imaging.Scripting.Repl;

/// <summary>
/// Symbol-based tab completion (no Roslyn Features assembly here): the text before the cursor is compiled as the next
/// submission of the session; a word after <c>.</c> is completed from the members of what is before the dot (a type's
/// static members, a value's instance and extension members, a namespace's types), any other word from the symbols in
/// scope (globals, earlier definitions, imported types).
/// </summary>
internal static class ReplCompleter
{
    private static readonly ReplCompletion None = new(0, []);

    public static ReplCompletion Complete(Script? previous, ScriptOptions options, string text)
    {
        int start = text.Length;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_')) start--;
        var prefix = text[start..];
        if (prefix.Length > 0 && char.IsDigit(prefix[0])) return None with { Start = start };

        var script = previous is null
            ? CSharpScript.Create(text, options, ScriptEnvironment.GlobalsType)
            : previous.ContinueWith(text, options);
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath.Length == 0) ?? compilation.SyntaxTrees.Last();
        var root = tree.GetRoot();
        if (InStringOrComment(root, text.Length)) return None with { Start = start };
        var model = compilation.GetSemanticModel(tree);

        int dot = start - 1;
        while (dot >= 0 && text[dot] == ' ') dot--;
        IEnumerable<ISymbol> symbols = dot >= 0 && text[dot] == '.'
            ? MembersOf(model, root.FindToken(dot), start)
            : InScope(model, start, prefix.Length > 0);

        var names = symbols.Where(s => s.CanBeReferencedByName).Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
        var matches = names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (matches.Count == 0) matches = [.. names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))];
        matches.Sort(StringComparer.Ordinal);
        return new ReplCompletion(start, matches);
    }

    private static IEnumerable<ISymbol> MembersOf(SemanticModel model, SyntaxToken dotToken, int position)
    {
        ExpressionSyntax? receiver = dotToken.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            MemberBindingExpressionSyntax binding => (binding.Parent as ConditionalAccessExpressionSyntax
                ?? binding.Ancestors().OfType<ConditionalAccessExpressionSyntax>().FirstOrDefault())?.Expression,
            _ => null,
        };
        if (receiver is null) return [];
        var symbol = model.GetSymbolInfo(receiver).Symbol;
        switch (symbol)
        {
            case INamespaceSymbol ns:
                return model.LookupNamespacesAndTypes(position, ns);
            case ITypeSymbol type:
                return model.LookupStaticMembers(position, type).Concat(type.GetTypeMembers());
        }
        var valueType = model.GetTypeInfo(receiver).Type;
        if (valueType is null or IErrorTypeSymbol) return [];
        return model.LookupSymbols(position, valueType, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
    }

    private static IEnumerable<ISymbol> InScope(SemanticModel model, int position, bool includeTypes)
    {
        var symbols = model.LookupSymbols(position);
        return includeTypes ? symbols : symbols.Where(s => s.Kind is SymbolKind.Local or SymbolKind.Field or SymbolKind.Property or SymbolKind.Method);
    }

    private static bool InStringOrComment(SyntaxNode root, int position)
    {
        if (position == 0) return false;
        var trivia = root.FindTrivia(position - 1);
        if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)) return true;
        var token = root.FindToken(position - 1);
        return token.Span.Contains(position - 1)
            && (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) || token.IsKind(SyntaxKind.CharacterLiteralToken));
    }
}
