namespace Crm;

/// <summary>Version 7 (time-ordered) UUIDs on every target framework: <c>Guid.CreateVersion7</c> exists from .NET 9 only.</summary>
internal static class GuidV7
{
    public static Guid New()
    {
#if NET9_0_OR_GREATER
        return Guid.CreateVersion7();
#else
        Span<byte> bytes = stackalloc byte[16];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes[6..]);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, (TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() << 16) | (long)(((uint)bytes[6] << 8) | bytes[7]));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
#endif
    }
}
