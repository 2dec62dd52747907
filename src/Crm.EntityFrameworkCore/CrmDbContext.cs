using Microsoft.EntityFrameworkCore;

namespace Crm.EntityFrameworkCore;

/// <summary>A ready-made <see cref="DbContext"/> holding only the CrmCore tables, for hosts that keep CRM data in its own database or schema.</summary>
/// <remarks>
/// Configure it like any context (<c>services.AddDbContext&lt;CrmDbContext&gt;(o =&gt; o.UseSqlite(…))</c>), then
/// <c>services.AddCrm().AddContacts().UseEntityFrameworkCore&lt;CrmDbContext&gt;()</c>. A host that wants the CRM tables
/// inside its own context calls <see cref="CrmModelBuilderExtensions.ApplyCrmContacts"/> from its <c>OnModelCreating</c> (and
/// <see cref="CrmModelBuilderExtensions.ApplyCrmInteractions"/>, <see cref="CrmModelBuilderExtensions.ApplyCrmLoyalty"/>
/// for the interactions and loyalty packages) instead.
/// </remarks>
public sealed class CrmDbContext : DbContext
{
    /// <summary>Creates the context with the options a host configured.</summary>
    public CrmDbContext(DbContextOptions<CrmDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyCrmContacts().ApplyCrmInteractions().ApplyCrmLoyalty();
    }
}
