namespace Crm.Samples.RetentionReport.Tests.Support;

/// <summary>The test classes that read one shared run of the README's first command (it takes a while: run it once).</summary>
[CollectionDefinition(Name)]
public sealed class DemoRunGroup : ICollectionFixture<DemoRun>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "README's first command";
}
