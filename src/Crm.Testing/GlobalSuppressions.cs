using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Scope = "namespaceanddescendants", Target = "~N:Crm.Testing",
    Justification = "Test methods are named as sentences or Method_Condition_Result (house rule); xunit shows the name as the test's name.")]
