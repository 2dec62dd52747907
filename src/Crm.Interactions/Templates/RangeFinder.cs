using Fluid.Ast;

namespace Crm.Interactions.Templates;

/// <summary>Finds range expressions such as <c>(1..n)</c>: Fluid builds a range's whole array before the step limit applies, so a template could allocate without bound.</summary>
internal sealed class RangeFinder : AstVisitor
{
    public bool Found { get; private set; }

    protected override Expression VisitRangeExpression(RangeExpression rangeExpression)
    {
        Found = true;
        return base.VisitRangeExpression(rangeExpression);
    }
}
