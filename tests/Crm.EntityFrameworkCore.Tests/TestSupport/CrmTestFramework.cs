using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Crm.EntityFrameworkCore.Tests.TestSupport.CrmTestFramework", "Crm.EntityFrameworkCore.Tests")]

namespace Crm.EntityFrameworkCore.Tests.TestSupport;

/// <summary>xunit's framework, except that the tests of an <see cref="IPostgresTests"/> class are reported as skipped, with the reason, when no PostgreSQL server is named (inherited specification tests cannot carry a skip attribute).</summary>
public sealed class CrmTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo)
        => new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (PostgresServer.SkipReason is { } reason
                && typeof(IPostgresTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType())
                && testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                var testCase = new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
                return ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus);
            }

            return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
        }
    }

    /// <summary>A test case reported as skipped with a reason decided at discovery.</summary>
    public sealed class SkippedTestCase : XunitTestCase
    {
        [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
        public SkippedTestCase()
        {
        }

        public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, string reason)
            : base(sink, display, options, testMethod) => SkipReason = reason;

        protected override string GetSkipReason(IAttributeInfo factAttribute) => SkipReason;

        public override void Serialize(IXunitSerializationInfo data)
        {
            base.Serialize(data);
            data.AddValue("CrmSkipReason", SkipReason);
        }

        public override void Deserialize(IXunitSerializationInfo data)
        {
            base.Deserialize(data);
            SkipReason = data.GetValue<string>("CrmSkipReason");
        }
    }
}
